package clinic.relief.outcomes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test data: staff accounts of each role, clients, and completed visits with their draft notes. */
@Component
class OutcomesFixture {

    private final Staff staff;
    private final Patients patients;
    private final VisitDrafting drafting;
    private final JdbcClient jdbc;
    private final VisitStore visits;

    OutcomesFixture(Staff staff, Patients patients, VisitDrafting drafting, JdbcClient jdbc, VisitStore visits) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.staff = staff;
        this.patients = patients;
        this.drafting = drafting;
    }

    /** A new staff account; returns its sign-in e-mail. */
    String staffMember(StaffRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                email, "Staff " + email.substring(0, 8), role, "long enough password", "CMT", "1", null, null, false));
        return email;
    }

    UUID idOf(String email) {
        return staff.findByEmail(email).orElseThrow().id();
    }

    UUID client() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient("Cli", "Ent" + tag, null, tag + "@example.com", null, "en"))
                .id();
    }

    /** A completed visit of this client with this therapist (by e-mail); returns the appointment id. */
    UUID visit(UUID client, String therapistEmail, Instant start) {
        return visit(client, therapistEmail, start, "trigger-point");
    }

    UUID visit(UUID client, String therapistEmail, Instant start, String service) {
        return visit(client, therapistEmail, start, service, null);
    }

    /** A completed visit booked with this pain finder assessment. */
    UUID visitWithAssessment(UUID client, String therapistEmail, Instant start, UUID assessment) {
        return visit(client, therapistEmail, start, "trigger-point", assessment);
    }

    private UUID visit(UUID client, String therapistEmail, Instant start, String service, UUID assessment) {
        UUID appointment = UUID.randomUUID();
        // The appointment booking would have kept (the outbox refers to it); test data only.
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, :service, 60, :start, :end, :end, 'COMPLETED', 'FRONT_DESK', :start)""")
                .param("id", appointment)
                .param("service", service)
                .param("p", client)
                .param("t", idOf(therapistEmail))
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .update();
        drafting.draft(
                new AppointmentCompleted(
                        appointment, client, idOf(therapistEmail), service, 60, start.truncatedTo(ChronoUnit.SECONDS)),
                assessment);
        return appointment;
    }

    Visit visitOf(UUID appointment) {
        return visits.find(appointment).orElseThrow();
    }

    /** Issues the visit's client link, as the note page does; returns its token. */
    String clientLink(UUID appointment) {
        VerificationToken link = VerificationToken.random();
        visits.replaceLink(appointment, link.hash());
        return link.value();
    }

    Reader reader(String email, StaffRole role) {
        return new Reader(idOf(email), role, email);
    }
}
