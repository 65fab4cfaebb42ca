package clinic.relief.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The text outbox and the texts received. */
@Repository
class TextStore {

    private final JdbcClient jdbc;

    TextStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reminder to queue, unwritten: its words are written when it leaves. */
    record Unwritten(UUID id, UUID appointmentId, UUID patientId, String recipient, Instant sendAfter) {}

    /** A written text due to be sent. */
    record Queued(
            UUID id,
            UUID appointmentId,
            UUID patientId,
            String recipient,
            String body,
            Instant sendAfter,
            int attempts) {}

    /** Queues many reminders in one statement, without their words. */
    void insert(List<Unwritten> texts, Instant now) {
        jdbc.sql("""
                insert into sms_outbox (id, kind, appointment_id, patient_id, recipient, created_at, send_after)
                select id, 'REMINDER', appointment, patient, recipient, :now, send_after
                from unnest(:ids::uuid[], :appointments::uuid[], :patients::uuid[], :recipients::text[],
                    :sendAfter::timestamptz[]) as t(id, appointment, patient, recipient, send_after)
                """)
                .param("now", utc(now))
                .param("ids", texts.stream().map(Unwritten::id).toArray(UUID[]::new))
                .param(
                        "appointments",
                        texts.stream().map(Unwritten::appointmentId).toArray(UUID[]::new))
                .param("patients", texts.stream().map(Unwritten::patientId).toArray(UUID[]::new))
                .param("recipients", texts.stream().map(Unwritten::recipient).toArray(String[]::new))
                .param(
                        "sendAfter",
                        texts.stream().map(t -> t.sendAfter().toString()).toArray(String[]::new))
                .update();
    }

    void voidAbout(UUID appointment, String reason, Instant now) {
        jdbc.sql("""
                update sms_outbox set voided_at = :now, void_reason = :reason
                where appointment_id = :id and sent_at is null and voided_at is null""")
                .param("now", utc(now))
                .param("reason", reason)
                .param("id", appointment)
                .update();
    }

    void voidTo(String recipient, String reason, Instant now) {
        jdbc.sql("""
                update sms_outbox set voided_at = :now, void_reason = :reason
                where recipient = :to and sent_at is null and voided_at is null""")
                .param("now", utc(now))
                .param("reason", reason)
                .param("to", recipient)
                .update();
    }

    /** A reminder due to be written: its appointment and how often it was tried. */
    record ToWrite(UUID id, UUID appointmentId, int attempts) {}

    /** Up to {@code limit} unwritten texts due at {@code now}. */
    List<ToWrite> unwrittenDue(Instant now, int max, int limit) {
        return jdbc.sql("""
                select id, appointment_id, attempts from sms_outbox
                where body is null and sent_at is null and voided_at is null and send_after <= :now and attempts < :max
                order by send_after limit :limit""")
                .param("now", utc(now))
                .param("max", max)
                .param("limit", limit)
                .query(ToWrite.class)
                .list();
    }

    /** Locks the text if it is still unwritten and not voided; false when another worker holds it or wrote it. */
    boolean lockUnwritten(UUID id) {
        return jdbc.sql("""
                select id from sms_outbox where id = :id and body is null and sent_at is null and voided_at is null
                for update skip locked""").param("id", id).query(UUID.class).optional().isPresent();
    }

    /** Stores a reminder's words. */
    void write(UUID id, String body) {
        jdbc.sql("update sms_outbox set body = :body where id = :id")
                .param("body", body)
                .param("id", id)
                .update();
    }

    /** Written texts due at {@code now}, locked until the caller's transaction ends. */
    List<Queued> due(Instant now, int max, int limit) {
        return jdbc.sql("""
                select id, appointment_id, patient_id, recipient, body, send_after, attempts from sms_outbox
                where sent_at is null and voided_at is null and send_after <= :now and attempts < :max
                    and body is not null
                order by send_after limit :limit for update skip locked""")
                .param("now", utc(now))
                .param("max", max)
                .param("limit", limit)
                .query((rs, i) -> new Queued(
                        rs.getObject("id", UUID.class),
                        rs.getObject("appointment_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("body"),
                        rs.getObject("send_after", OffsetDateTime.class).toInstant(),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id, String sid, String status, Instant now) {
        jdbc.sql("""
                update sms_outbox set sent_at = :now, attempts = attempts + 1, message_sid = :sid, status = :status,
                    status_at = :now where id = :id""")
                .param("now", utc(now))
                .param("sid", sid)
                .param("status", status)
                .param("id", id)
                .update();
    }

    void retryLater(UUID id, String error, Instant next) {
        jdbc.sql("""
                update sms_outbox set attempts = attempts + 1, last_error = :error, send_after = :next where id = :id""")
                .param("error", error)
                .param("next", utc(next))
                .param("id", id)
                .update();
    }

    void voidOne(UUID id, String reason, @Nullable Integer errorCode, Instant now) {
        jdbc.sql("""
                update sms_outbox set voided_at = :now, void_reason = :reason, error_code = :code, attempts = attempts + 1
                where id = :id""")
                .param("now", utc(now))
                .param("reason", reason)
                .param("code", errorCode)
                .param("id", id)
                .update();
    }

    void deferTo(UUID id, Instant at) {
        jdbc.sql("update sms_outbox set send_after = :at where id = :id")
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    /**
     * Records a delivery status unless the text already has a later one (callbacks may arrive out of order, or twice);
     * returns the recipient when the status was recorded.
     */
    Optional<String> status(String sid, String status, int rank, @Nullable Integer errorCode, Instant now) {
        return jdbc.sql("""
                        update sms_outbox set status = :status, error_code = coalesce(:code, error_code), status_at = :now
                        where message_sid = :sid and coalesce(case status when 'queued' then 1 when 'sending' then 2
                            when 'sent' then 3 else 4 end, 0) < :rank
                        returning recipient""")
                .param("status", status)
                .param("code", errorCode)
                .param("now", utc(now))
                .param("sid", sid)
                .param("rank", rank)
                .query(String.class)
                .optional();
    }

    /** The appointment of the newest reminder sent to this number. */
    Optional<UUID> lastRemindedAppointment(String recipient) {
        return jdbc.sql("""
                        select appointment_id from sms_outbox where recipient = :to and sent_at is not null
                            and appointment_id is not null
                        order by sent_at desc limit 1""").param("to", recipient).query(UUID.class).optional();
    }

    /** A text to or from a patient, as the chart lists it. */
    record Line(
            Instant at,
            String direction,
            @Nullable String body,
            String state,
            @Nullable Integer errorCode) {}

    List<Line> ofPatient(UUID patient, int limit) {
        return jdbc.sql("""
                        select * from (
                            select created_at as at, 'OUT' as direction, body,
                                case when voided_at is not null then 'voided' when sent_at is null then 'waiting'
                                     else coalesce(status, 'queued') end as state, error_code
                            from sms_outbox where patient_id = :patient
                            union all
                            select received_at, 'IN', body, lower(keyword), null from sms_inbound
                            where patient_id = :patient) lines
                        order by at desc limit :limit""")
                .param("patient", patient)
                .param("limit", limit)
                .query((rs, i) -> new Line(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("direction"),
                        rs.getString("body"),
                        rs.getString("state"),
                        (Integer) rs.getObject("error_code")))
                .list();
    }

    /** Stores a received text; false (nothing stored) when its MessageSid was stored before. */
    boolean received(String sid, String sender, @Nullable UUID patient, String body, String keyword, Instant now) {
        return jdbc.sql("""
                        insert into sms_inbound (message_sid, sender, patient_id, body, keyword, received_at, handled_at)
                        values (:sid, :sender, :patient, :body, :keyword, :now,
                            case when :keyword = 'OTHER' then null else :now end)
                        on conflict (message_sid) do nothing""")
                        .param("sid", sid)
                        .param("sender", sender)
                        .param("patient", patient)
                        .param("body", body)
                        .param("keyword", keyword)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** A reply that waits for the desk. */
    record InboxItem(
            String sid, Instant at, String sender, @Nullable UUID patientId, String body) {}

    List<InboxItem> inbox(int limit) {
        return jdbc.sql("""
                        select message_sid, received_at, sender, patient_id, body from sms_inbound
                        where keyword = 'OTHER' and handled_at is null order by received_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new InboxItem(
                        rs.getString("message_sid"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("sender"),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("body")))
                .list();
    }

    List<InboxItem> inboxOf(UUID patient) {
        return jdbc.sql("""
                        select message_sid, received_at, sender, patient_id, body from sms_inbound
                        where patient_id = :patient and keyword = 'OTHER' and handled_at is null
                        order by received_at desc""")
                .param("patient", patient)
                .query((rs, i) -> new InboxItem(
                        rs.getString("message_sid"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("sender"),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("body")))
                .list();
    }

    int openInbox() {
        return jdbc.sql("select count(*) from sms_inbound where keyword = 'OTHER' and handled_at is null")
                .query(Integer.class)
                .single();
    }

    boolean handle(String sid, Instant now) {
        return jdbc.sql("""
                        update sms_inbound set handled_at = :now where message_sid = :sid and handled_at is null""").param("now", utc(now)).param("sid", sid).update() == 1;
    }
}
