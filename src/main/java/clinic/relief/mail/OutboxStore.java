package clinic.relief.mail;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The outbox table: what {@link Mail} queues, {@link OutboxWorker} sends and the staff's outbox page lists. */
@Repository
class OutboxStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OutboxStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One e-mail as stored. */
    record Entry(
            Instant createdAt,
            String kind,
            String recipient,
            @Nullable String subject,
            @Nullable String body,
            @Nullable OffsetDateTime sentAt,
            @Nullable OffsetDateTime voidedAt,
            @Nullable String lastError,
            int attempts,
            @Nullable String attachmentName) {}

    /** An e-mail due to be sent, as {@link #lockDue} picks it up. */
    record Due(
            UUID id,
            String recipient,
            String subject,
            String body,
            int attempts,
            String attachmentName,
            String attachmentType,
            byte[] attachment) {}

    /** The newest {@code limit} e-mails, newest first. */
    List<Entry> newest(int limit) {
        return jdbc.sql("""
                        select created_at, kind, recipient, subject, body, sent_at, voided_at, last_error, attempts,
                               attachment_name
                        from booking_outbox order by created_at desc limit :n
                        """)
                .param("n", limit)
                .query((rs, i) -> new Entry(
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getObject("voided_at", OffsetDateTime.class),
                        rs.getString("last_error"),
                        rs.getInt("attempts"),
                        rs.getString("attachment_name")))
                .list();
    }

    /** The newest {@code limit} e-mails to one address (any case), newest first: when, what kind, subject, state. */
    List<Mail.Sent> to(String recipient, int limit) {
        return jdbc.sql("""
                        select created_at, kind, subject, sent_at, voided_at, last_error
                        from booking_outbox where lower(recipient) = lower(:r) order by created_at desc limit :n
                        """)
                .param("r", recipient)
                .param("n", limit)
                .query((rs, i) -> new Mail.Sent(
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("kind"),
                        rs.getString("subject") == null ? "" : rs.getString("subject"),
                        rs.getObject("voided_at") != null
                                ? "voided"
                                : rs.getObject("sent_at") != null
                                        ? "sent"
                                        : rs.getString("last_error") != null ? "failing" : "queued"))
                .list();
    }

    /** Queues a document with its attachment to {@code recipient}, to send from {@code now}. */
    void insertDocument(String recipient, String subject, String body, Mail.Attachment attachment, Instant now) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (:id, 'DOCUMENT', :to, :subject, :body, :now, :now, :name, :type, :content)""")
                .param("id", UUID.randomUUID())
                .param("to", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(now))
                .param("name", attachment.fileName())
                .param("type", attachment.contentType())
                .param("content", attachment.content())
                .update();
    }

    /** Queues one e-mail without attachment, about an appointment or none, to send from {@code now}. */
    void insert(String kind, @Nullable UUID appointmentId, String recipient, String subject, String body, Instant now) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after)
                values (:id, :kind, :appointment, :to, :subject, :body, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("kind", kind)
                .param("appointment", appointmentId)
                .param("to", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(now))
                .update();
    }

    /** Queues letters about appointments, each with its file, and unwritten ones (no words yet), in one round trip. */
    void insertAll(List<Mail.AppointmentLetter> letters, List<Mail.Unwritten> unwritten, Instant queuedAt) {
        OffsetDateTime now = utc(queuedAt);
        Stream<Object[]> written = letters.stream().map(letter -> new Object[] {
            UUID.randomUUID(),
            letter.kind(),
            letter.appointmentId(),
            letter.recipient(),
            letter.subject(),
            letter.body(),
            now,
            utc(letter.sendAfter()),
            letter.attachment().fileName(),
            letter.attachment().contentType(),
            letter.attachment().content()
        });
        Stream<Object[]> later = unwritten.stream().map(letter -> new Object[] {
            UUID.randomUUID(),
            letter.kind(),
            letter.appointmentId(),
            letter.recipient(),
            null,
            null,
            now,
            utc(letter.sendAfter()),
            null,
            null,
            null
        });
        List<Object[]> rows = Stream.concat(written, later).toList();
        if (rows.isEmpty()) {
            return;
        }
        // Untyped nulls: the driver is told each column's type, as it cannot guess it from a null.
        batch.batchUpdate("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, new int[] {
            Types.OTHER,
            Types.VARCHAR,
            Types.OTHER,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.BINARY
        });
    }

    /** How many e-mails of these kinds were ever queued about the appointment, sent, waiting or voided. */
    int countQueued(UUID appointmentId, Collection<String> kinds) {
        return jdbc.sql("select count(*) from booking_outbox where appointment_id = :id and kind in (:kinds)")
                .param("id", appointmentId)
                .param("kinds", kinds)
                .query(Integer.class)
                .single();
    }

    /** Voids the appointment's e-mails of this kind that have not left yet. */
    void voidUnsent(UUID appointmentId, String kind, Instant now) {
        jdbc.sql("""
                update booking_outbox set voided_at = :now where appointment_id = :id and kind = :kind
                    and sent_at is null and voided_at is null""")
                .param("now", utc(now))
                .param("id", appointmentId)
                .param("kind", kind)
                .update();
    }

    /** Deletes every e-mail about these appointments (at least one), sent or not. */
    void deleteAbout(Collection<UUID> appointmentIds) {
        jdbc.sql("delete from booking_outbox where appointment_id in (:ids)")
                .param("ids", appointmentIds)
                .update();
    }

    /**
     * Up to {@code batch} e-mails due at {@code now} with fewer than {@code maxAttempts} attempts, oldest due first,
     * each row locked ({@code FOR UPDATE SKIP LOCKED}) until the caller's transaction ends: another worker skips them.
     */
    List<Due> lockDue(Instant now, int maxAttempts, int batch) {
        return jdbc.sql("""
                select id, recipient, subject, body, attempts, attachment_name, attachment_type, attachment
                from booking_outbox
                where sent_at is null and voided_at is null and send_after <= :now and attempts < :max
                    and body is not null
                order by send_after limit :batch for update skip locked
                """)
                .param("now", utc(now))
                .param("max", maxAttempts)
                .param("batch", batch)
                .query(Due.class)
                .list();
    }

    /** An e-mail queued without its words, due to be written. */
    record ToWrite(UUID id, String kind, UUID appointmentId, int attempts) {}

    /** Up to {@code batch} unwritten e-mails due at {@code now} with fewer than {@code maxAttempts} attempts. */
    List<ToWrite> unwrittenDue(Instant now, int maxAttempts, int batch) {
        return jdbc.sql("""
                select id, kind, appointment_id, attempts from booking_outbox
                where body is null and sent_at is null and voided_at is null and send_after <= :now
                    and attempts < :max
                order by send_after limit :batch
                """)
                .param("now", utc(now))
                .param("max", maxAttempts)
                .param("batch", batch)
                .query(ToWrite.class)
                .list();
    }

    /**
     * Locks the e-mail ({@code FOR UPDATE SKIP LOCKED}) if it is still unwritten and not voided: empty when another
     * worker holds it or has written it meanwhile.
     */
    boolean lockUnwritten(UUID id) {
        return jdbc.sql("""
                select id from booking_outbox
                where id = :id and body is null and sent_at is null and voided_at is null
                for update skip locked
                """).param("id", id).query(UUID.class).optional().isPresent();
    }

    /** Stores the words of an unwritten e-mail, and the address it goes to. */
    void write(UUID id, LetterWriter.Written letter) {
        jdbc.sql("""
                update booking_outbox set recipient = :to, subject = :subject, body = :body,
                    attachment_name = :name, attachment_type = :type, attachment = :content
                where id = :id
                """)
                .param("to", letter.recipient())
                .param("subject", letter.subject())
                .param("body", letter.body())
                .param("name", letter.attachment().fileName())
                .param("type", letter.attachment().contentType())
                .param("content", letter.attachment().content())
                .param("id", id)
                .update();
    }

    /** Voids one e-mail that has not left. */
    void voidOne(UUID id, Instant now) {
        jdbc.sql("update booking_outbox set voided_at = :now where id = :id and sent_at is null")
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Marks an e-mail sent at {@code now}, counting the attempt. */
    void markSent(UUID id, Instant now) {
        jdbc.sql("update booking_outbox set sent_at = :now, attempts = attempts + 1 where id = :id")
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Counts a failed attempt: the e-mail waits until {@code next}, with the error's name kept. */
    void markFailed(UUID id, Instant next, String error) {
        jdbc.sql("""
                update booking_outbox set attempts = attempts + 1, send_after = :next, last_error = :error
                where id = :id
                """)
                .param("next", utc(next))
                .param("error", error)
                .param("id", id)
                .update();
    }
}
