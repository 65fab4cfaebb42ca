package clinic.relief.system;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

@ReliefTest
class HttpSessionsTests {

    @Autowired
    JdbcIndexedSessionRepository jdbcSessions;

    @Test
    void twoRequestsOfOneSessionThatAddTheSameAttributeBothSucceed() {
        @SuppressWarnings("unchecked")
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) jdbcSessions;
        Session session = sessions.createSession();
        sessions.save(session);
        // Two requests of one session (a form submitted twice) each read it, then each leave a flash message.
        Session first = sessions.findById(session.getId());
        Session second = sessions.findById(session.getId());
        first.setAttribute("flash", "first");
        second.setAttribute("flash", "second");

        sessions.save(first);
        sessions.save(second);

        assertThat((String) sessions.findById(session.getId()).getAttribute("flash"))
                .isEqualTo("second");
    }
}
