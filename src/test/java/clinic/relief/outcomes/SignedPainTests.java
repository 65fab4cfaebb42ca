package clinic.relief.outcomes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pain before and after belongs to the signed record: once the visit's note is signed, neither the client's link nor
 * the therapist's form nor a direct SQL statement changes it; an amendment opens it again until it is signed.
 */
@ReliefTest
class SignedPainTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    TreatmentNotes notes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String therapist;
    Reader reader;
    UUID appointment;
    String link;

    @BeforeEach
    void signedVisit() throws Exception {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        reader = fixture.reader(therapist, StaffRole.THERAPIST);
        appointment = fixture.visit(fixture.client(), therapist, clock.instant().minus(2, ChronoUnit.HOURS));
        link = "/outcomes/v/" + fixture.clientLink(appointment);
        mvc.perform(post(link + "/pain").with(csrf()).param("before", "6").param("after", "5"))
                .andExpect(status().is3xxRedirection());
        asTherapist();
        notes.sign(reader, appointment);
    }

    /** Signs the therapist in on this thread (a MockMvc request with its own user clears it afterwards). */
    private void asTherapist() {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        therapist, "x", AuthorityUtils.createAuthorityList("ROLE_THERAPIST")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theClientsLinkRefusesToChangeSignedPainWithAMessage() throws Exception {
        mvc.perform(post(link + "/pain").with(csrf()).param("before", "9").param("after", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("can no longer be changed")));
        mvc.perform(post(link + "/pain").with(csrf()).param("after", "0").param("lang", "es"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("ya no se puede cambiar")));
        assertThat(pain()).isEqualTo("6/5");
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("action=\"" + link + "/pain\""))));
    }

    @Test
    void theTherapistsFormRefusesToChangeSignedPain() throws Exception {
        mvc.perform(post("/staff/notes/" + appointment + "/pain")
                        .with(csrf())
                        .with(user(therapist).roles("THERAPIST"))
                        .param("before", "9")
                        .param("after", "9"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "outcomes.score.final"));
        assertThat(pain()).isEqualTo("6/5");
        mvc.perform(get("/staff/notes/" + appointment).with(user(therapist).roles("THERAPIST")))
                .andExpect(content().string(containsString("These scores are final")))
                .andExpect(content().string(not(containsString("/pain\" method=\"post\""))));
    }

    @Test
    void theDatabaseRefusesToChangeSignedPainByAnyOtherPath() {
        assertThatThrownBy(() -> jdbc.sql("update outcomes_pain set after = 0 where appointment_id = :a")
                        .param("a", appointment)
                        .update())
                .hasMessageContaining("are final");
        assertThatThrownBy(() -> jdbc.sql("delete from outcomes_pain where appointment_id = :a")
                        .param("a", appointment)
                        .update())
                .hasMessageContaining("are final");
        assertThat(pain()).isEqualTo("6/5");
    }

    @Test
    void anAmendmentOpensThePainScoresUntilItIsSigned() throws Exception {
        notes.amend(reader, appointment);
        mvc.perform(post("/staff/notes/" + appointment + "/pain")
                        .with(csrf())
                        .with(user(therapist).roles("THERAPIST"))
                        .param("before", "6")
                        .param("after", "3"))
                .andExpect(flash().attribute("notice", "outcomes.scores.saved"));
        assertThat(pain()).isEqualTo("6/3");
        asTherapist();
        notes.sign(reader, appointment);
        mvc.perform(post(link + "/pain").with(csrf()).param("after", "2")).andExpect(status().isConflict());
        assertThat(pain()).isEqualTo("6/3");
    }

    private String pain() {
        return jdbc.sql("select before || '/' || after from outcomes_pain where appointment_id = :a")
                .param("a", appointment)
                .query(String.class)
                .single();
    }
}
