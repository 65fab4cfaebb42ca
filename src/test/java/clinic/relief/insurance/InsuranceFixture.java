package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.Sex;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data: patients, therapists, coverage and prescription forms with sensible defaults, visits to complete. */
class InsuranceFixture {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private final Patients patients;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final AppointmentBook book;

    InsuranceFixture(Patients patients, Staff staff, JdbcClient jdbc, AppointmentBook book) {
        this.patients = patients;
        this.staff = staff;
        this.jdbc = jdbc;
        this.book = book;
    }

    UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient(
                        "Rosa",
                        "Insured" + tag,
                        null,
                        tag + "@example.com",
                        LocalDate.of(1980, 4, 2),
                        Sex.FEMALE,
                        "en"))
                .id();
    }

    /** A patient as the desk used to create them: no date of birth, no sex. */
    UUID patientWithoutDemographics(String firstName, String lastName) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient(firstName, lastName + tag, null, tag + "@example.com", null, "es"))
                .id();
    }

    UUID therapist() {
        String email = "rt-" + UUID.randomUUID() + "@example.com";
        return staff.createOrUpdate(new NewStaffMember(
                        email,
                        "Maria Lopez",
                        StaffRole.THERAPIST,
                        "long enough password",
                        "California Certified Massage Therapist",
                        "CAMTC 12345",
                        null,
                        null,
                        true))
                .id();
    }

    static CoverageForm coverage(LocalDate from) {
        return new CoverageForm(
                "Blue Shield of California",
                "BS001",
                "PPO",
                "XYZ123456789",
                "G-7788",
                Relationship.SELF,
                "Rosa",
                "Insured",
                LocalDate.of(1980, 4, 2),
                "F",
                "12 Ocean Ave",
                "Torrance",
                "CA",
                "90501",
                new BigDecimal("25.00"),
                new BigDecimal("20"),
                new BigDecimal("500.00"),
                new BigDecimal("450.00"),
                from.withDayOfYear(1),
                12,
                0,
                "AUTH-55",
                6,
                from,
                from.plusDays(60),
                false,
                from,
                null);
    }

    static PrescriptionForm prescription(LocalDate written) {
        return new PrescriptionForm(
                "Alan", "Grant", "1234567893", "M54.50, M62.838", "2x/week", 6, written, written.plusDays(90));
    }

    /** A checked-in visit at {@code start}, inserted directly (booking's rules are not under test here). */
    UUID checkedIn(UUID patient, UUID therapist, String service, int minutes, Instant start) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at,
                    ends_at, blocked_until, status, source, created_at)
                values (:id, :patient, :therapist, :service, :minutes, :start, :end, :end, 'CHECKED_IN',
                    'FRONT_DESK', :start)""")
                .param("id", id)
                .param("patient", patient)
                .param("therapist", therapist)
                .param("service", service)
                .param("minutes", minutes)
                .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .param("end", OffsetDateTime.ofInstant(start.plusSeconds(minutes * 60L), ZoneOffset.UTC))
                .update();
        return id;
    }

    /** A completed visit whose note the therapist has signed (an hour after it started). */
    UUID completed(UUID patient, UUID therapist, String service, int minutes, Instant start) {
        UUID id = completedUnsigned(patient, therapist, service, minutes, start);
        signNote(id);
        return id;
    }

    /** A completed visit whose draft note is not signed yet. */
    UUID completedUnsigned(UUID patient, UUID therapist, String service, int minutes, Instant start) {
        UUID id = checkedIn(patient, therapist, service, minutes, start);
        book.complete(id);
        EventsHandled.awaitAll(jdbc);
        return id;
    }

    void signNote(UUID visit) {
        jdbc.sql("""
                update outcomes_note n set signed_at = a.starts_at + interval '1 hour', signed_by = 'therapist'
                from booking_appointment a where a.id = n.appointment_id and n.appointment_id = :a""").param("a", visit).update();
    }

    /** The coverage of a child insured under a parent's plan: Luis Núñez Peña subscribes, in Los Ángeles. */
    static CoverageForm dependantCoverage(LocalDate from) {
        CoverageForm self = coverage(from);
        return new CoverageForm(
                self.payerName(),
                self.payerId(),
                self.planType(),
                "XYZ987654321",
                self.groupNumber(),
                Relationship.CHILD,
                "Luis",
                "Núñez Peña",
                LocalDate.of(1975, 3, 9),
                "M",
                "12 Calle Ñandú",
                "Los Ángeles",
                "CA",
                "90033",
                self.copay(),
                self.coinsurancePercent(),
                self.deductible(),
                self.deductibleMet(),
                self.planYearStart(),
                self.visitsAllowed(),
                self.visitsUsed(),
                self.authNumber(),
                self.authVisits(),
                self.authFrom(),
                self.authTo(),
                self.creditOnInsuredVisit(),
                self.effectiveFrom(),
                self.effectiveTo());
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LA).toInstant();
    }
}
