package clinic.relief.portal;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Confirmed patient accounts made the way patients make them, and links read from the outbox. */
final class PortalFixture {

    private PortalFixture() {}

    /** Signs up, confirms by the e-mailed link, signs in; returns the signed-in session's cookie. */
    static Cookie account(MockMvc mvc, JdbcClient jdbc, String email, String password) throws Exception {
        mvc.perform(post("/account/signup")
                .with(csrf())
                .param("firstName", "Pat")
                .param("lastName", "Portal")
                .param("email", email)
                .param("password", password)
                .param("passwordAgain", password));
        mvc.perform(post("/account/verify")
                .with(csrf())
                .param("token", token(jdbc, email, "VERIFY_ACCOUNT"))
                .param("password", password));
        // Sessions live in the database (Spring Session), so the session is its cookie.
        return mvc.perform(PatientAccountTests.signIn(email, password))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    /** The token of the newest link of this kind e-mailed to the address. */
    static String token(JdbcClient jdbc, String email, String kind) {
        List<String> bodies = jdbc.sql("select body from booking_outbox where recipient = :e and kind = :k"
                        + " order by created_at desc")
                .param("e", email)
                .param("k", kind)
                .query(String.class)
                .list();
        return bodies.get(0).replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }
}
