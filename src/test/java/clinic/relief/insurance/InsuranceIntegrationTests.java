package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.CoverageLookup;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
@WithMockUser(username = "desk@example.com", roles = "FRONT_DESK")
class InsuranceIntegrationTests {

    @Autowired
    Insurance insurance;

    @Autowired
    ClaimDesk desk;

    @Autowired
    CoverageLookup lookup;

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

    InsuranceFixture fixture;
    LocalDate today;
    UUID patient;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new InsuranceFixture(patients, staff, jdbc, book);
        today = LocalDate.ofInstant(clock.instant(), InsuranceFixture.LA);
        patient = fixture.patient();
        therapist = fixture.therapist();
    }

    @Test
    void quotesWithTheTermsOfTheCoverageInForceForServicesBilledToInsurance() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(10)));

        var terms = lookup.termsFor(patient, "trigger-point", today).orElseThrow();
        assertThat(terms.copay()).isEqualTo(Money.of("25.00"));
        assertThat(terms.coinsurancePercent()).isEqualByComparingTo(new BigDecimal("20"));
        assertThat(terms.deductibleRemaining()).isEqualTo(Money.of("50.00"));
        assertThat(lookup.termsFor(patient, "couples", today)).isEmpty();
        assertThat(lookup.termsFor(patient, "trigger-point", today.minusDays(11)))
                .isEmpty();
        assertThat(lookup.termsFor(fixture.patient(), "trigger-point", today)).isEmpty();
    }

    @Test
    void warnsWhenThereIsNoPrescriptionAndEligibilityWasNotChecked() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today));

        assertThat(insurance.warnings(patient, today))
                .extracting(InsuranceWarning::code)
                .containsExactly("noPrescription", "eligibilityNotChecked");
        assertThat(insurance.warnings(fixture.patient(), today)).isEmpty();
    }

    @Test
    void warnsWhenThePrescriptionHasExpiredAndTheAuthorizationEnds() {
        Coverage coverage = insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(50)));
        insurance.recordPrescription(
                patient,
                new PrescriptionForm(
                        "Alan", "Grant", "1234567893", "M54.2", "weekly", 4, today.minusDays(40), today.minusDays(1)));
        insurance.recordEligibility(coverage.id(), new EligibilityForm(true, 6, "REF-1", null));

        assertThat(insurance.warnings(patient, today))
                .extracting(InsuranceWarning::code)
                .containsExactly("authorizationEndsSoon", "prescriptionExpired");
        assertThat(insurance.warnings(patient, today.plusDays(11)))
                .extracting(InsuranceWarning::code)
                .contains("authorizationExpired");
    }

    @Test
    void refusesAPrescriptionWithARetiredDiagnosisOrAWrongNpiAndStoresNothing() {
        assertThatThrownBy(() -> insurance.recordPrescription(
                        patient,
                        new PrescriptionForm(
                                "Alan", "Grant", "1234567893", "M54.5", "weekly", 4, today, today.plusDays(30))))
                .isInstanceOf(InvalidCode.class)
                .hasMessageContaining("M54.50");
        assertThatThrownBy(() -> insurance.recordPrescription(
                        patient,
                        new PrescriptionForm(
                                "Alan", "Grant", "1234567890", "M54.50", "weekly", 4, today, today.plusDays(30))))
                .isInstanceOf(InvalidCode.class);
        assertThat(insurance.ofPatient(patient).prescriptions()).isEmpty();
    }

    @Test
    void draftsAClaimWhenAnInsuredVisitIsCompleted() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(5)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(5)));

        UUID visit =
                fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(1), 10));

        Claim claim = desk.ofPatient(patient).get(0);
        assertThat(claim.facts().appointmentId()).isEqualTo(visit);
        assertThat(claim.state()).isEqualTo(ClaimState.DRAFT);
        assertThat(claim.lines())
                .containsExactly(new ClaimLine(Cpt.MANUAL_THERAPY, 60, 4, Money.of("110.00"), List.of(1, 2)));
        assertThat(claim.diagnoses()).extracting(Icd10::code).containsExactly("M54.50", "M62.838");
        Coverage counted = insurance.ofPatient(patient).coverages().get(0).coverage();
        assertThat(counted.visitsUsed()).isEqualTo(1);
        assertThat(counted.authorization().visitsUsed()).isEqualTo(1);
        assertThat(desk.draft(visit).id()).isEqualTo(claim.id());
    }

    @Test
    void draftsNoClaimForAFreeFollowUp() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(5)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(5)));
        UUID visit =
                fixture.checkedIn(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(1), 14));
        // The quote billing stores when the relief guarantee's voucher pays a booking (FreeFollowUpTests books one).
        jdbc.sql("""
                with quote as (insert into billing_quote (appointment_id, patient_id, service_id, minutes, total,
                        uses_credit, created_at) values (:a, :p, 'trigger-point', 60, 0, false, :now))
                insert into billing_quote_line (appointment_id, position, kind, amount, code) values
                    (:a, 0, 'LIST_PRICE', 110, 'billing.line.list'),
                    (:a, 1, 'FREE_FOLLOW_UP', -110, 'outcomes.voucher.line')""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("a", visit)
                .param("p", patient)
                .update();

        book.complete(visit);
        EventsHandled.awaitAll(jdbc);

        assertThat(desk.ofPatient(patient)).isEmpty();
        assertThatThrownBy(() -> desk.draft(visit)).isInstanceOf(FreeFollowUpNotBilled.class);
        assertThat(desk.ofPatient(patient)).isEmpty();
        assertThat(insurance.ofPatient(patient).coverages().get(0).coverage().visitsUsed())
                .isZero();
    }

    @Test
    void refusesAClaimForAnAppointmentThatIsNotCompleted() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(5)));
        UUID visit =
                fixture.checkedIn(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(1), 12));

        assertThatThrownBy(() -> desk.draft(visit))
                .isInstanceOf(AppointmentNotCompleted.class)
                .hasMessageContaining("CHECKED_IN");
        assertThat(desk.ofPatient(patient)).isEmpty();
    }

    @Test
    void movesAClaimThroughItsStatesAndNamesTheStateOfARefusedChange() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(5)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(5)));
        fixture.completed(patient, therapist, "swedish", 90, InsuranceFixture.at(today.minusDays(2), 9));
        Claim claim = desk.ofPatient(patient).get(0);
        assertThat(claim.lines().get(0))
                .extracting(ClaimLine::cpt, ClaimLine::units)
                .containsExactly(Cpt.MASSAGE, 6);

        assertThatThrownBy(() -> desk.appeal(claim.id()))
                .isInstanceOf(ClaimStateConflict.class)
                .hasMessageContaining("DRAFT");
        assertThat(desk.markReady(claim.id()).state()).isEqualTo(ClaimState.READY);
        assertThatThrownBy(() -> desk.relines(claim.id(), Map.of("97124", 30)))
                .isInstanceOf(ClaimStateConflict.class)
                .hasMessageContaining("READY");
        assertThat(desk.reopen(claim.id()).state()).isEqualTo(ClaimState.DRAFT);
    }

    @Test
    void refusesMassageWithManualTherapyOnOneClaimUnlessTheClinicAllowsIt() {
        insurance.recordCoverage(patient, InsuranceFixture.coverage(today.minusDays(5)));
        insurance.recordPrescription(patient, InsuranceFixture.prescription(today.minusDays(5)));
        fixture.completed(patient, therapist, "trigger-point", 60, InsuranceFixture.at(today.minusDays(3), 9));
        Claim claim = desk.ofPatient(patient).get(0);

        assertThatThrownBy(() -> desk.relines(claim.id(), Map.of("97140", 30, "97124", 30)))
                .isInstanceOf(InvalidCode.class);
        Claim split = desk.relines(claim.id(), Map.of("97140", 45, "97010", 0));
        assertThat(split.lines()).extracting(ClaimLine::units).containsExactly(3, 1);
        assertThat(split.charge()).isEqualTo(Money.of("110.00"));
    }
}
