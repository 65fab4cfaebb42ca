package clinic.relief.outcomes;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open a treatment note: the owner and the therapist of the client, never another therapist or the front
 * desk; a visitor with no sign-in is sent to the staff sign-in. Each read that happened leaves one audit row; a refused
 * read leaves none.
 */
@ReliefTest
class NoteAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    ClinicalAudit audit;

    @Autowired
    Clock clock;

    String therapist;
    UUID client;
    UUID appointment;

    @BeforeEach
    void visit() {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        client = fixture.client();
        appointment = fixture.visit(client, therapist, clock.instant());
    }

    @ParameterizedTest(name = "{0} reading a note gets {1}")
    @CsvSource({
        "OWNER, 200",
        "THERAPIST_OF_CLIENT, 200",
        "OTHER_THERAPIST, 403",
        "FRONT_DESK, 403",
        "CLIENT_WITHOUT_SIGN_IN, 302",
        "CLIENT_VIA_LINK, 302"
    })
    void onlyTheOwnerAndTheClientsTherapistReadNotesAndEachReadIsAudited(String who, int expected) throws Exception {
        long readsBefore = reads();
        mvc.perform(as(who, get("/staff/notes/" + appointment))).andExpect(status().is(expected));
        assertThat(reads() - readsBefore).isEqualTo(expected == 200 ? 1 : 0);
        if ("CLIENT_VIA_LINK".equals(who)) {
            mvc.perform(get("/outcomes/v/" + fixture.clientLink(appointment) + "/progress"))
                    .andExpect(status().isOk());
            assertThat(audit.trailOfPatient(client, 1).get(0).actorRole()).isEqualTo("PATIENT");
        }
        if (expected == 200) {
            assertThat(audit.trailOfPatient(client, 1).get(0).actorRole()).isIn("OWNER", "THERAPIST");
        }
    }

    @ParameterizedTest(name = "{0} writing a note gets {1}")
    @CsvSource({"OWNER, 403", "OTHER_THERAPIST, 403", "FRONT_DESK, 403"})
    void onlyTheTherapistOfTheVisitWritesItsNote(String who, int expected) throws Exception {
        mvc.perform(as(
                        who,
                        post("/staff/notes/" + appointment)
                                .param("assessment", "x")
                                .with(csrf())))
                .andExpect(status().is(expected));
    }

    @Test
    void aTherapistWritesAndSignsANoteWithTriggerPointsThroughThePage() throws Exception {
        mvc.perform(as(
                        "THERAPIST_OF_CLIENT",
                        post("/staff/notes/" + appointment)
                                .with(csrf())
                                .param("subjective", "Sore low back")
                                .param("painRegions", "low_back_lateral_R")
                                .param("findings[0].muscle", "quadratus_lumborum")
                                .param("findings[0].side", "R")
                                .param("findings[0].state", "active")
                                .param("findings[0].tenderness", "3")
                                .param("findings[0].referral", "true")
                                .param("findings[1].muscle", "")
                                .param("findings[1].side", "R")
                                .param("findings[1].state", "active")
                                .param("findings[1].tenderness", "1")
                                .param("treatedRegions", "low_back_lateral_R")
                                .param("assessment", "QL active")
                                .param("planFrequency", "Weekly")
                                .param("homeCare", "Stretch")
                                .param("action", "sign")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("THERAPIST_OF_CLIENT", get("/staff/notes/" + appointment)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quadratus lumborum")))
                .andExpect(content().string(containsString("Signed by")));
        mvc.perform(as(
                        "THERAPIST_OF_CLIENT",
                        post("/staff/notes/" + appointment).with(csrf()).param("assessment", "changed")))
                .andExpect(status().isConflict());
    }

    @Test
    void aTamperedFindingIsAFieldMessageAndNothingIsSaved() throws Exception {
        mvc.perform(as(
                        "THERAPIST_OF_CLIENT",
                        post("/staff/notes/" + appointment)
                                .with(csrf())
                                .param("assessment", "should not be saved")
                                .param("findings[0].muscle", "quadratus_lumborum")
                                .param("findings[0].side", "UP")
                                .param("findings[0].state", "active")
                                .param("findings[0].tenderness", "9")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trigger point row")));
        mvc.perform(as("THERAPIST_OF_CLIENT", get("/staff/notes/" + appointment)))
                .andExpect(content().string(not(containsString("should not be saved"))));
    }

    @Test
    void theFrontDeskDoesNotSeeTheListOfNotes() throws Exception {
        mvc.perform(as("FRONT_DESK", get("/staff/notes"))).andExpect(status().isForbidden());
        mvc.perform(as("THERAPIST_OF_CLIENT", get("/staff/notes"))).andExpect(status().isOk());
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return switch (who) {
            case "OWNER" ->
                request.with(user(fixture.staffMember(StaffRole.OWNER)).roles("OWNER"));
            case "THERAPIST_OF_CLIENT" -> request.with(user(therapist).roles("THERAPIST"));
            case "OTHER_THERAPIST" ->
                request.with(user(fixture.staffMember(StaffRole.THERAPIST)).roles("THERAPIST"));
            case "FRONT_DESK" ->
                request.with(user(fixture.staffMember(StaffRole.FRONT_DESK)).roles("FRONT_DESK"));
            // The client's link opens their scores and progress, never a note: the note URL asks for a staff sign-in.
            case "CLIENT_VIA_LINK" -> {
                String token = fixture.clientLink(appointment);
                request.param("token", token);
                yield request;
            }
            default -> request;
        };
    }

    private long reads() {
        return audit.trailOfPatient(client, 1000).stream()
                .filter(e -> e.action() == AuditAction.READ)
                .filter(e -> e.recordKind().equals(TreatmentNotes.RECORD_KIND))
                .count();
    }
}
