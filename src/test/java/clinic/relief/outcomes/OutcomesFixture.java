package clinic.relief.outcomes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.springframework.stereotype.Component;

/** Test data: staff accounts of each role, clients, and completed visits with their draft notes. */
@Component
class OutcomesFixture {

    private final Staff staff;
    private final Patients patients;
    private final VisitDrafting drafting;

    OutcomesFixture(Staff staff, Patients patients, VisitDrafting drafting) {
        this.staff = staff;
        this.patients = patients;
        this.drafting = drafting;
    }

    /** A new staff account; returns its sign-in e-mail. */
    String staffMember(StaffRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(email, "Staff " + email.substring(0, 8), role,
                "long enough password", "CMT", "1", null, null, false));
        return email;
    }

    UUID idOf(String email) {
        return staff.findByEmail(email).orElseThrow().id();
    }

    UUID client() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient("Cli", "Ent" + tag, null, tag + "@example.com", null, "en")).id();
    }

    /** A completed visit of this client with this therapist (by e-mail); returns the appointment id. */
    UUID visit(UUID client, String therapistEmail, Instant start) {
        UUID appointment = UUID.randomUUID();
        drafting.draft(new AppointmentCompleted(appointment, client, idOf(therapistEmail), "trigger-point", 60,
                start.truncatedTo(ChronoUnit.SECONDS)), null);
        return appointment;
    }

    Reader reader(String email, StaffRole role) {
        return new Reader(idOf(email), role, email);
    }
}
