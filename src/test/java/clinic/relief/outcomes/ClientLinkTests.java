package clinic.relief.outcomes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.VerificationToken;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A visit's client link is kept only as a hash, like every other token: the note page issues a fresh one when the
 * therapist opens it, the one before stops working, and the database alone opens no link.
 */
@ReliefTest
class ClientLinkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String therapist;
    UUID appointment;

    @BeforeEach
    void visit() {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        appointment = fixture.visit(fixture.client(), therapist, clock.instant().minus(1, ChronoUnit.HOURS));
    }

    @Test
    void theNoteIssuesAFreshLinkKeptOnlyHashedAndTheOneBeforeStopsWorking() throws Exception {
        String stored = storedHash();
        assertThat(stored).matches("[0-9a-f]{64}");

        String first = open(as(therapist, StaffRole.THERAPIST));
        assertThat(storedHash()).isEqualTo(VerificationToken.hash(first)).isNotEqualTo(first);
        assertThat(jdbc.sql("select count(*) from outcomes_visit where link_token_hash = :t")
                        .param("t", first)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(get("/outcomes/v/" + first)).andExpect(status().isOk());
        // The stored value is no link: presented as a token, it opens nothing.
        mvc.perform(get("/outcomes/v/" + storedHash())).andExpect(status().isNotFound());

        String second = open(as(therapist, StaffRole.THERAPIST));
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/outcomes/v/" + first)).andExpect(status().isNotFound());
        mvc.perform(get("/outcomes/v/" + second + "/progress")).andExpect(status().isOk());
    }

    @Test
    void onlyWhoMayScoreTheVisitIssuesItsLinkAndNotOnceItHasExpired() throws Exception {
        String stored = storedHash();
        String otherTherapist = fixture.staffMember(StaffRole.THERAPIST);

        mvc.perform(post("/staff/notes/" + appointment + "/client-link")
                        .with(csrf())
                        .with(as(otherTherapist, StaffRole.THERAPIST)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/notes/" + appointment + "/client-link")
                        .with(csrf())
                        .with(as(fixture.staffMember(StaffRole.FRONT_DESK), StaffRole.FRONT_DESK)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/notes/" + appointment + "/client-link").with(as(therapist, StaffRole.THERAPIST)))
                .andExpect(status().isForbidden());
        assertThat(storedHash()).isEqualTo(stored);

        jdbc.sql("update outcomes_visit set link_expires_at = :past where appointment_id = :a")
                .param("past", clock.instant().minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                .param("a", appointment)
                .update();
        mvc.perform(post("/staff/notes/" + appointment + "/client-link")
                        .with(csrf())
                        .with(as(therapist, StaffRole.THERAPIST)))
                .andExpect(redirectedUrl("/staff/notes/" + appointment))
                .andExpect(flash().attribute("problem", "outcomes.note.clientLinkExpired"));
        assertThat(storedHash()).isEqualTo(stored);
    }

    private String open(RequestPostProcessor who) throws Exception {
        String location = mvc.perform(post("/staff/notes/" + appointment + "/client-link")
                        .with(csrf())
                        .with(who))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/outcomes/v/");
        return location.substring("/outcomes/v/".length());
    }

    private static RequestPostProcessor as(String email, StaffRole role) {
        return user(email).roles(role.name());
    }

    private String storedHash() {
        return jdbc.sql("select link_token_hash from outcomes_visit where appointment_id = :a")
                .param("a", appointment)
                .query(String.class)
                .single();
    }
}
