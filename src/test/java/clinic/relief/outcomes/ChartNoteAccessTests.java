package clinic.relief.outcomes;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The patient chart's treatment notes follow the note page's rule and audit: the client's therapist and the owner
 * see them and every opening of the chart writes one read per note; the front desk and another therapist never see
 * them and leave no read.
 */
@ReliefTest
class ChartNoteAccessTests {

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

    @BeforeEach
    void twoVisits() {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        client = fixture.client();
        fixture.visit(client, therapist, clock.instant().minusSeconds(7 * 86_400));
        fixture.visit(client, therapist, clock.instant());
    }

    @Test
    void theClientsTherapistSeesTheNotesAndEachNoteReadIsAudited() throws Exception {
        long before = reads();
        mvc.perform(get("/staff/patients/{id}", client).with(user(therapist).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"h-notes\"")))
                .andExpect(content().string(containsString("Visit 2")))
                .andExpect(content().string(containsString("/staff/notes/")));
        assertThat(reads() - before).isEqualTo(2);
        assertThat(audit.trailOfPatient(client, 1).get(0).actor()).isEqualTo(therapist);
    }

    @Test
    void theOwnerSeesTheNotesToo() throws Exception {
        long before = reads();
        mvc.perform(get("/staff/patients/{id}", client)
                        .with(user(fixture.staffMember(StaffRole.OWNER)).roles("OWNER")))
                .andExpect(content().string(containsString("id=\"h-notes\"")));
        assertThat(reads() - before).isEqualTo(2);
    }

    @Test
    void theFrontDeskAndAnotherTherapistNeverSeeNotesAndLeaveNoRead() throws Exception {
        long before = reads();
        mvc.perform(get("/staff/patients/{id}", client)
                        .with(user(fixture.staffMember(StaffRole.FRONT_DESK)).roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"h-notes\""))))
                .andExpect(content().string(not(containsString("/staff/notes/"))))
                .andExpect(content().string(containsString("id=\"h-billing\"")));
        mvc.perform(get("/staff/patients/{id}", client)
                        .with(user(fixture.staffMember(StaffRole.THERAPIST)).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"h-notes\""))))
                .andExpect(content().string(not(containsString("id=\"h-billing\""))));
        assertThat(reads()).isEqualTo(before);
    }

    private long reads() {
        return audit.trailOfPatient(client, 1000).stream()
                .filter(e -> e.action() == AuditAction.READ)
                .filter(e -> e.recordKind().equals(TreatmentNotes.RECORD_KIND))
                .count();
    }
}
