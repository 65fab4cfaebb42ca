package clinic.relief.booking.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentChangedMeanwhile;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.TimeRange;
import clinic.relief.shared.Money;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Stores appointments. An overlap refused by PostgreSQL's exclusion constraints comes out as {@link Overlap}. */
@Component
public class Appointments {

    /**
     * PostgreSQL's SQLSTATEs for a lost race: {@code exclusion_violation}, and {@code deadlock_detected}, which two
     * bookings can meet when each waits on the other's therapist and room constraint checks.
     */
    private static final Set<String> LOST_RACE = Set.of("23P01", "40P01");

    private static final String COLUMNS = """
            id, patient_id, therapist_id, room_id, service_id, minutes, starts_at, ends_at, blocked_until, status,
            source, assessment_id, fee_owed, fee_reason, cancelled_at, second_therapist_id, version""";

    private final JdbcClient jdbc;

    public Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * PostgreSQL refused the write: a therapist (either of a couples booking), the room or the patient is held then
     * (or may be, in a deadlock).
     */
    public static class Overlap extends RuntimeException {

        private final boolean patientBusy;

        public Overlap(Throwable cause, boolean patientBusy) {
            super("Overlapping appointment refused by the database", cause);
            this.patientBusy = patientBusy;
        }

        /** The patient already has an appointment then (their own clash, not someone else's booking). */
        public boolean patientBusy() {
            return patientBusy;
        }
    }

    public void insert(Appointment appointment, Instant now) {
        Appointment.Stored a = appointment.stored();
        guarded(() -> jdbc.sql("insert into booking_appointment (" + COLUMNS + ", created_at) values (:id, :patient,"
                        + " :therapist, :room, :service, :minutes, :starts, :ends, :blocked, :status, :source,"
                        + " :assessment, :fee, :feeReason, :cancelledAt, :secondTherapist, :version, :now)")
                .params(params(a, now))
                .update());
    }

    /**
     * Stores the appointment's change and moves its version on, only if nobody changed it since it was read (at the
     * version it carries); otherwise nothing is written and {@link AppointmentChangedMeanwhile} is thrown. Callers
     * read it with {@link #lock} first, so this guard only fires for a writer that did not.
     */
    public void update(Appointment appointment) {
        Appointment.Stored a = appointment.stored();
        int updated = guarded(() -> jdbc.sql("""
                update booking_appointment set patient_id = :patient, therapist_id = :therapist, room_id = :room,
                    starts_at = :starts, ends_at = :ends, blocked_until = :blocked, status = :status, fee_owed = :fee,
                    fee_reason = :feeReason, cancelled_at = :cancelledAt, second_therapist_id = :secondTherapist,
                    patient_confirmed_at = case when starts_at = :starts then patient_confirmed_at end,
                    version = version + 1
                where id = :id and version = :version
                """).params(params(a, null)).update());
        if (updated == 0) {
            AppointmentStatus now = jdbc.sql("select status from booking_appointment where id = :id")
                    .param("id", a.id())
                    .query(String.class)
                    .optional()
                    .map(AppointmentStatus::valueOf)
                    .orElse(a.status());
            throw new AppointmentChangedMeanwhile(a.id(), now);
        }
    }

    /** When the appointment was booked (its row written); what it costs follows the prices of that moment. */
    public Instant bookedAt(UUID id) {
        return jdbc.sql("select created_at from booking_appointment where id = :id")
                .param("id", id)
                .query((rs, row) ->
                        rs.getObject("created_at", OffsetDateTime.class).toInstant())
                .single();
    }

    public Optional<Appointment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointment where id = :id")
                .param("id", id)
                .query(Appointments::row)
                .optional()
                .map(Appointment::restore);
    }

    /**
     * The appointment with its row locked until the transaction ends: every change to an appointment reads it this
     * way, so of two changes at once the second waits, then sees what the first made of it. Must run inside a
     * transaction.
     */
    public Optional<Appointment> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointment where id = :id for update")
                .param("id", id)
                .query(Appointments::row)
                .optional()
                .map(Appointment::restore);
    }

    /**
     * Appointments starting in {@code span}, of one therapist (as the therapist or the second therapist) or (empty)
     * all, by start.
     */
    public List<Appointment.Stored> starting(TimeRange span, Optional<UUID> therapist) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointment where starts_at >= :from and starts_at < :to"
                        + " and (cast(:therapist as uuid) is null or therapist_id = :therapist"
                        + " or second_therapist_id = :therapist) order by starts_at")
                .param("from", utc(span.start()))
                .param("to", utc(span.end()))
                .param("therapist", therapist.orElse(null))
                .query(Appointments::row)
                .list();
    }

    /** Appointments starting in {@code span} in one room, by start. */
    public List<Appointment.Stored> startingInRoom(TimeRange span, UUID room) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointment where starts_at >= :from and starts_at < :to"
                        + " and room_id = :room order by starts_at")
                .param("from", utc(span.start()))
                .param("to", utc(span.end()))
                .param("room", room)
                .query(Appointments::row)
                .list();
    }

    /** A patient's appointments, newest first. */
    public List<Appointment.Stored> ofPatient(UUID patient) {
        return jdbc.sql("select " + COLUMNS + " from booking_appointment where patient_id = :patient"
                        + " order by starts_at desc")
                .param("patient", patient)
                .query(Appointments::row)
                .list();
    }

    private static Map<String, Object> params(Appointment.Stored a, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", now == null ? null : utc(now));
        p.put("id", a.id());
        p.put("patient", a.patientId());
        p.put("therapist", a.therapistId());
        p.put("secondTherapist", a.secondTherapistId().orElse(null));
        p.put("room", a.roomId());
        p.put("service", a.serviceId());
        p.put("minutes", a.minutes());
        p.put("starts", utc(a.start()));
        p.put("ends", utc(a.end()));
        p.put("blocked", utc(a.blockedUntil()));
        p.put("status", a.status().name());
        p.put("source", a.source().name());
        p.put("assessment", a.assessmentId());
        p.put("fee", a.feeOwed() == null ? null : a.feeOwed().amount());
        p.put("feeReason", a.feeReason() == null ? null : a.feeReason().name());
        p.put("cancelledAt", a.cancelledAt() == null ? null : utc(a.cancelledAt()));
        p.put("version", a.version());
        return p;
    }

    private static int guarded(IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DataAccessException e) {
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                    && LOST_RACE.contains(sql.getSQLState())) {
                throw new Overlap(e, String.valueOf(sql.getMessage()).contains("booking_patient_free"));
            }
            throw e;
        }
    }

    private static Appointment.Stored row(ResultSet rs, int row) throws SQLException {
        BigDecimal fee = rs.getObject("fee_owed", BigDecimal.class);
        String feeReason = rs.getString("fee_reason");
        OffsetDateTime cancelledAt = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new Appointment.Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("therapist_id", UUID.class),
                rs.getObject("room_id", UUID.class),
                rs.getString("service_id"),
                rs.getInt("minutes"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "blocked_until"),
                AppointmentStatus.valueOf(rs.getString("status")),
                Appointment.Source.valueOf(rs.getString("source")),
                rs.getObject("assessment_id", UUID.class),
                fee == null ? null : Money.of(fee),
                feeReason == null ? null : Appointment.FeeReason.valueOf(feeReason),
                cancelledAt == null ? null : cancelledAt.toInstant(),
                Optional.ofNullable(rs.getObject("second_therapist_id", UUID.class)),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
