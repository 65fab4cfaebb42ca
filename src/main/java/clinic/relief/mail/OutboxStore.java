package clinic.relief.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the outbox table for the staff's outbox page. */
@Repository
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
