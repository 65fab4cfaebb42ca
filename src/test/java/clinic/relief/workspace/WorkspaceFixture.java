package clinic.relief.workspace;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.PainQuery;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data for the workspace: staff of each role, clients, a visit today, a past visit completed through booking
 * (so outcomes drafts its note) and then signed with trigger points and pain scores.
 */
@Component
public class WorkspaceFixture {

    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private final Staff staff;
    private final Patients patients;
    private final AppointmentBook book;
    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkspaceFixture(
            Staff staff,
            Patients patients,
            AppointmentBook book,
            Assessments assessments,
            JdbcClient jdbc,
            Clock clock) {
        this.staff = staff;
        this.patients = patients;
        this.book = book;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new staff account; returns its sign-in e-mail. */
    public String staffMember(StaffRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                email, "Staff " + email.substring(0, 12), role, "long enough password", "CMT", "1", null, null, false));
        return email;
    }

    /** A therapist listed on the public site, as booking's schedules count only those; returns the e-mail. */
    public String listedTherapist(String name) {
        String email = "listed-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                email, name, StaffRole.THERAPIST, "long enough password", "CMT", "1", null, null, true));
        return email;
    }

    public UUID idOf(String email) {
        return staff.findByEmail(email).orElseThrow().id();
    }

    /** A new client with a distinctive last name; returns its id. */
    public UUID client(String lastName) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient("Cli", lastName, null, tag + "@example.com", null, "en"))
                .id();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** A booked visit today at {@code time} with a pain finder assessment of the low back; returns its id. */
    public UUID bookedToday(UUID client, String therapistEmail, LocalTime time) {
        UUID assessment = assessments
                .assess(new PainQuery(
                        new TreeSet<>(List.of("iliac_crest_R")),
                        new TreeSet<>(),
                        new TreeSet<>(),
                        new TreeSet<>(),
                        null))
                .id();
        return appointment(
                client, therapistEmail, today().atTime(time).atZone(ZONE).toInstant(), "BOOKED", assessment);
    }

    /**
     * A visit {@code daysAgo} days ago, completed through booking, its note signed with one active trigger point in
     * {@code muscle} (right side, tenderness 2), pain {@code before} and {@code after}; returns the appointment id.
     */
    public UUID signedVisit(UUID client, String therapistEmail, int daysAgo, String muscle, int before, int after) {
        Instant start = today().minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toInstant();
        UUID appointment = appointment(client, therapistEmail, start, "CHECKED_IN", null);
        book.complete(appointment);
        UUID note = jdbc.sql("select id from outcomes_note where appointment_id = :a")
                .param("a", appointment)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                insert into outcomes_trigger_point (note_id, position, muscle_id, side, active, tenderness,
                    referral_reproduced) values (:note, 0, :muscle, 'R', true, 2, false)""").param("note", note).param("muscle", muscle).update();
        jdbc.sql("""
                insert into outcomes_pain (appointment_id, before, after, before_by, after_by, updated_at)
                values (:a, :before, :after, :by, :by, :at)""")
                .param("a", appointment)
                .param("before", before)
                .param("after", after)
                .param("by", therapistEmail)
                .param("at", Timestamp.from(start))
                .update();
        jdbc.sql("update outcomes_note set signed_at = :at, signed_by = :by where id = :id")
                .param("at", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
                .param("by", therapistEmail)
                .param("id", note)
                .update();
        return appointment;
    }

    /** An online booking tomorrow at {@code time} still waiting for its e-mail confirmation; returns its id. */
    public UUID unconfirmedTomorrow(UUID client, String therapistEmail, LocalTime time) {
        Instant start = today().plusDays(1).atTime(time).atZone(ZONE).toInstant();
        return appointment(client, therapistEmail, start, "PENDING", null);
    }

    /** A waitlist request of this client with an offer of tomorrow at {@code time} that is open for two hours. */
    public void openOffer(UUID client, String therapistEmail, LocalTime time) {
        UUID entry = UUID.randomUUID();
        Instant now = clock.instant();
        Instant start = today().plusDays(1).atTime(time).atZone(ZONE).toInstant();
        jdbc.sql("""
                insert into booking_waitlist (id, patient_id, service_id, minutes, first_day, last_day, part_of_day,
                    therapist_id, status, created_at)
                values (:id, :p, 'trigger-point', 60, :first, :last, 'ANY', null, 'WAITING', :now)""")
                .param("id", entry)
                .param("p", client)
                .param("first", today())
                .param("last", today().plusDays(7))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into booking_waitlist_offer (id, entry_id, token_hash, starts_at, therapist_id, free_from, free_to,
                    expires_at, status, created_at)
                values (:id, :entry, :hash, :start, :t, :start, :end, :expires, 'OPEN', :now)""")
                .param("id", UUID.randomUUID())
                .param("entry", entry)
                .param("hash", UUID.randomUUID().toString().replace("-", ""))
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .param("t", idOf(therapistEmail))
                .param("expires", Timestamp.from(now.plus(2, ChronoUnit.HOURS)))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Weekly hours for a therapist (1 = Monday), straight into the schedule tables. */
    public void hours(String therapistEmail, int dayOfWeek, LocalTime starts, LocalTime ends) {
        jdbc.sql(
                        "insert into booking_therapist_hours (therapist_id, day_of_week, starts, ends) values (:t, :d, :s, :e)")
                .param("t", idOf(therapistEmail))
                .param("d", dayOfWeek)
                .param("s", starts)
                .param("e", ends)
                .update();
    }

    public int auditRows(UUID patientId, String recordKind) {
        return jdbc.sql("select count(*) from clinical_audit where patient_id = :p and record_kind = :k")
                .param("p", patientId)
                .param("k", recordKind)
                .query(Integer.class)
                .single();
    }

    private UUID appointment(UUID client, String therapistEmail, Instant start, String status, UUID assessment) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, assessment_id, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, :status, 'FRONT_DESK', :assessment,
                    :start)""")
                .param("id", id)
                .param("p", client)
                .param("t", idOf(therapistEmail))
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .param("status", status)
                .param("assessment", assessment)
                .update();
        return id;
    }
}
