package clinic.relief.workspace.chart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * The staff patient list: a read model over the patient table (its trigram-indexed {@code search_text} and
 * {@code phone_digits}, see the 2026-12-06 15:20 migration) with the list's filters answered from booking's and
 * billing's tables in the same query, so one page of 50,000 patients costs one round trip. Never lists unconfirmed
 * placeholders or merged duplicates. Each search kind is its own fixed statement so the planner sees which index
 * serves it. Patterns come escaped from {@link PatientQuery}.
 */
@Repository
class PatientListStore {

    /** One line of the list. {@code nextVisit} is null when nothing is booked ahead. */
    record Row(
            UUID id,
            String firstName,
            String lastName,
            String phone,
            String email,
            LocalDate dateOfBirth,
            Instant nextVisit,
            boolean member) {}

    /** Which filters are on. */
    record Filters(boolean upcoming, boolean owing, boolean member) {}

    private static final String COLUMNS = """
            select p.id, p.first_name, p.last_name, p.phone, p.email, p.date_of_birth,
                   (select min(a.starts_at) from booking_appointment a where a.patient_id = p.id
                      and a.starts_at >= :now and a.status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN'))
                       as next_visit,
                   exists (select 1 from billing_membership m where m.patient_id = p.id and m.status <> 'CANCELLED')
                       as member
            from patient p
            where not p.unverified and p.merged_into is null
            """;

    private static final String FILTERS = """
              and (not :upcoming or exists (select 1 from booking_appointment a where a.patient_id = p.id
                     and a.starts_at >= :now and a.status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN')))
              and (not :member or exists (select 1 from billing_membership m where m.patient_id = p.id
                     and m.status <> 'CANCELLED'))
              and (not :owing or
                   (select coalesce(sum(l.amount), 0) from billing_invoice_due(:now) i
                      join billing_invoice_line l on l.invoice_id = i.id where i.patient_id = p.id)
                   > (select coalesce(sum(case y.kind when 'REFUND' then -y.amount else y.amount end), 0)
                      from billing_invoice_due(:now) i join billing_payment y on y.invoice_id = i.id
                      where i.patient_id = p.id))
            order by p.last_name, p.first_name, p.id
            limit :limit offset :offset
            """;

    static final String BY_TEXT = COLUMNS + "  and p.search_text like relief_fold(:pattern)\n" + FILTERS;
    static final String BY_PHONE = COLUMNS + "  and p.phone_digits like :pattern\n" + FILTERS;
    private static final String BY_BIRTH = COLUMNS + "  and p.date_of_birth = :born\n" + FILTERS;
    private static final String EVERYONE = COLUMNS + FILTERS;

    private final JdbcClient jdbc;

    PatientListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> byText(String pattern, Filters filters, Instant now, int limit, int offset) {
        return run(jdbc.sql(BY_TEXT).param("pattern", pattern), filters, now, limit, offset);
    }

    List<Row> byPhone(String pattern, Filters filters, Instant now, int limit, int offset) {
        return run(jdbc.sql(BY_PHONE).param("pattern", pattern), filters, now, limit, offset);
    }

    List<Row> byBirth(LocalDate born, Filters filters, Instant now, int limit, int offset) {
        return run(jdbc.sql(BY_BIRTH).param("born", born), filters, now, limit, offset);
    }

    List<Row> everyone(Filters filters, Instant now, int limit, int offset) {
        return run(jdbc.sql(EVERYONE), filters, now, limit, offset);
    }

    private static List<Row> run(JdbcClient.StatementSpec sql, Filters filters, Instant now, int limit, int offset) {
        return sql.param("now", utc(now))
                .param("upcoming", filters.upcoming())
                .param("owing", filters.owing())
                .param("member", filters.member())
                .param("limit", limit)
                .param("offset", offset)
                .query(PatientListStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime next = rs.getObject("next_visit", OffsetDateTime.class);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getObject("date_of_birth", LocalDate.class),
                next == null ? null : next.toInstant(),
                rs.getBoolean("member"));
    }
}
