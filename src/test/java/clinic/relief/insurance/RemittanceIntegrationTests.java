package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.PatientShareDetermined;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
@RecordApplicationEvents
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class RemittanceIntegrationTests {

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

    @Autowired
    ApplicationEvents events;

    InsuranceFixture fixture;
    Claim first;
    Claim second;

    @BeforeEach
    void twoSubmittedClaims() {
        fixture = new InsuranceFixture(patients, staff, jdbc, book);
        LocalDate today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        UUID patient = fixture.patient();
        UUID therapist = fixture.therapist();
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(20)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(20)));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(4), 10));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 10));
        desk.ofPatient(patient).forEach(c -> desk.markReady(c.id()));
        String x12 = files.submitReady().orElseThrow();
        assertThat(x12).startsWith("ISA*").contains("005010X222A1");
        IndependentX12Reader.assertParses(x12);
        var claims = desk.ofPatient(patient);
        second = claims.get(0);
        first = claims.get(1);
        assertThat(claims).extracting(Claim::state).containsOnly(ClaimState.SUBMITTED);
    }

    String remittance(String trace) {
        return new Remittance835(trace)
                .claim(first.claimId(), "1", "110.00", "60.00", "25.00", "PR*3*25.00", "CO*45*25.00")
                .claim(second.claimId(), "4", "110.00", "0.00", "0.00", "CO*50*110.00")
                .build();
    }

    @Test
    void postsPaymentsAndAdjustmentsToTheNamedClaimsAndPassesThePatientShareToBilling() {
        var imported = remittances.importFile(remittance("EFT-" + UUID.randomUUID()));

        assertThat(imported.posted()).isEqualTo(2);
        Claim paid = desk.get(first.id());
        assertThat(paid.state()).isEqualTo(ClaimState.PAID);
        assertThat(paid.paid()).isEqualTo(Money.of("60.00"));
        assertThat(paid.patientShare()).isEqualTo(Money.of("25.00"));
        assertThat(desk.get(second.id()).state()).isEqualTo(ClaimState.DENIED);
        assertThat(events.stream(PatientShareDetermined.class)).singleElement().satisfies(e -> {
            assertThat(e.appointmentId()).isEqualTo(first.facts().appointmentId());
            assertThat(e.amount()).isEqualTo(Money.of("25.00"));
        });
        assertThat(jdbc.sql("select count(*) from insurance_claim_adjustment a join insurance_claim_payment p"
                                + " on p.id = a.payment_id where p.claim_id in (:a, :b)")
                        .param("a", first.id())
                        .param("b", second.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void postsNothingTwiceWhenTheSameFileIsImportedAgain() {
        String file = remittance("EFT-" + UUID.randomUUID());
        remittances.importFile(file);

        var again = remittances.importFile(file);

        assertThat(again.posted()).isZero();
        assertThat(again.alreadyPosted()).isEqualTo(2);
        assertThat(desk.get(first.id()).paid()).isEqualTo(Money.of("60.00"));
        assertThat(events.stream(PatientShareDetermined.class)).hasSize(1);
    }

    @Test
    void postsTheClaimsWeSentAndListsTheOnesWeNeverSent() {
        String file = new Remittance835("EFT-" + UUID.randomUUID())
                .claim(first.claimId(), "1", "110.00", "85.00", "25.00", "PR*3*25.00")
                .claim("R99999999", "1", "50.00", "50.00", "0.00")
                .build();

        var imported = remittances.importFile(file);

        assertThat(imported.unmatched()).containsExactly("R99999999");
        assertThat(imported.posted()).isEqualTo(1);
        assertThat(desk.get(first.id()).state()).isEqualTo(ClaimState.PAID);
    }

    @Test
    void refusesAFileThatIsNotAnX221Remittance() {
        assertThatThrownBy(() -> remittances.importFile("hello, this is not X12"))
                .isInstanceOf(UnreadableRemittance.class);
        assertThatThrownBy(() -> remittances.importFile(remittance("T").replace("CLP*", "CLX*")))
                .isInstanceOf(UnreadableRemittance.class);
        assertThat(desk.get(first.id()).state()).isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void postsAPartPaymentAndLetsTheDeskAppealIt() {
        remittances.importFile(new Remittance835("EFT-" + UUID.randomUUID())
                .claim(first.claimId(), "1", "110.00", "40.00", "25.00", "PR*3*25.00", "CO*97*45.00")
                .build());

        assertThat(desk.get(first.id()).state()).isEqualTo(ClaimState.PARTLY_PAID);
        assertThat(desk.appeal(first.id()).state()).isEqualTo(ClaimState.APPEALED);
    }
}
