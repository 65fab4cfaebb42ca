package clinic.relief.blog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' requests to have their comments removed, kept for staff (the email is never shown publicly). */
@Repository
class RemovalRequests {

    record Request(UUID id, String email, String note, Instant requestedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RemovalRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(String email, String note) {
        jdbc.sql("insert into blog_removal_request (id, email, note, requested_at) values (:id, :email, :note, :at)")
                .param("id", UUID.randomUUID()).param("email", email.strip()).param("note", note)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    List<Request> open() {
        return jdbc.sql("select id, email, note, requested_at from blog_removal_request where done_at is null"
                        + " order by requested_at")
                .query((rs, row) -> new Request(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("note"), rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    /** Marks it done and returns the email it was for, if it was open. */
    Optional<String> close(UUID id, UUID staffId) {
        return jdbc.sql("update blog_removal_request set done_at = :at, done_by = :staff where id = :id"
                        + " and done_at is null returning email")
                .param("at", Timestamp.from(clock.instant())).param("staff", staffId).param("id", id)
                .query(String.class).optional();
    }
}
