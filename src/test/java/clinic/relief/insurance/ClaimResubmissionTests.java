package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Corrected and void claims: CLM05-3 7 or 8 with the payer's claim control number from its 835 (REF*F8). */
@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class ClaimResubmissionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    ClaimFiles files;

    @Autowired
    Remittances remittances;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentBook book;

    @Autowired
    Clock clock;

    Claim claim;

    Authentication signedIn;

    /** A MockMvc request ends with no one signed in on the test's thread; the audited API needs someone. */
    void signInAgain() {
        SecurityContextHolder.getContext().setAuthentication(signedIn);
    }

    @BeforeEach
    void aSubmittedClaim() {
        signedIn = SecurityContextHolder.getContext().getAuthentication();
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        UUID visit = fixture.completed(
                patient, fixture.therapist(), "trigger-point", 60, InsuranceFixture.at(today.minusDays(5), 10));
        claim = desk.markReady(desk.draft(visit).id());
        files.submitReady().orElseThrow();
    }

    private void remit(String status, String paid) {
        remittances.importFile(new Remittance835("EFT-" + UUID.randomUUID())
                .claim(claim.claimId(), status, "110.00", paid, "0.00")
                .build());
    }

    @Test
    void correctsAPaidClaimAsAReplacementOfThePayersClaim() throws Exception {
        remit("1", "110.00");
        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.PAID);
        String payerNumber = "PAYER" + claim.claimId();

        mvc.perform(get("/staff/insurance/claims/" + claim.id()))
                .andExpect(content().string(containsString("value=\"" + payerNumber + "\"")));
        mvc.perform(post("/staff/insurance/claims/" + claim.id() + "/resubmit")
                        .with(csrf())
                        .param("kind", "CORRECTED")
                        .param("payerClaimNumber", payerNumber))
                .andExpect(redirectedUrl("/staff/insurance/claims/" + claim.id()));
        signInAgain();
        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.DRAFT);
        desk.markReady(claim.id());

        String x12 = files.x12Of(claim.id());

        assertThat(x12)
                .contains("CLM*" + claim.claimId() + "*110.00***11:B:7*Y*A*Y*Y~")
                .contains("REF*F8*" + payerNumber + "~");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
        desk.reopen(claim.id());
    }

    @Test
    void voidsADeniedClaimButNotWithoutThePayersClaimNumber() throws Exception {
        remit("4", "0.00");
        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.DENIED);

        mvc.perform(post("/staff/insurance/claims/" + claim.id() + "/resubmit")
                        .with(csrf())
                        .param("kind", "VOID")
                        .param("payerClaimNumber", " "))
                .andExpect(redirectedUrl("/staff/insurance/claims/" + claim.id()));
        signInAgain();
        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.DENIED);
        assertThat(desk.resubmissionOf(claim.id())).isEmpty();

        desk.voidClaim(claim.id(), "PAYER" + claim.claimId(), "desk@example.com");
        String x12 = files.x12Of(claim.id());

        assertThat(desk.get(claim.id()).state()).isEqualTo(ClaimState.READY);
        assertThat(x12).contains("*11:B:8*").contains("REF*F8*PAYER" + claim.claimId() + "~");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
        desk.reopen(claim.id());
    }
}
