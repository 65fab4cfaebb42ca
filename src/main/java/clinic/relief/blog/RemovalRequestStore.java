package clinic.relief.blog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Readers' requests to have their comments removed, kept for staff (the email is never shown publicly). */
@Repository
class RemovalRequestStore {

    record Request(UUID id, String email, String note, Instant requestedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RemovalRequestStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(String email, String note) {
        jdbc.sql("insert into blog_removal_request (id, email, note, requested_at) values (:id, :email, :note, :at)")
                .param("id", UUID.randomUUID())
                .param("email", email.strip())
                .param("note", note)
                .param("at", utc(clock.instant()))
                .update();
    }

    List<Request> open() {
        return jdbc.sql("""
                select id, email, note, requested_at from blog_removal_request where done_at is null
                order by requested_at""").query(Request.class).list();
    }

    /** Marks it done and returns the email it was for, if it was open. */
    Optional<String> close(UUID id, UUID staffId) {
        return jdbc.sql("""
                update blog_removal_request set done_at = :at, done_by = :staff
                where id = :id and done_at is null returning email""")
                .param("at", utc(clock.instant()))
                .param("staff", staffId)
                .param("id", id)
                .query(String.class)
                .optional();
    }
}
