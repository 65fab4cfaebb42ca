package clinic.relief.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Membership credits as ledger rows: a GRANT per plan credit and month, and USE, RETURN and EXPIRE rows against a
 * grant. A balance is always computed from the rows, never stored. Callers hold the membership row locked
 * ({@link MembershipStore#lock}) while they change the ledger, so two uses of the last credit queue up and the
 * second finds none.
 */
@Component
class CreditLedger {

    private final JdbcClient jdbc;

    CreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Credits left per service and length that can still be used at {@code at}. */
    record Balance(String serviceId, int minutes, int count) {
    }

    private record Open(UUID grantId, String serviceId, int minutes, int remaining) {
    }

    void grant(UUID membership, YearMonth period, Plan plan, Instant expiresAt, Instant at) {
        for (Plan.IncludedCredit credit : plan.credits()) {
            jdbc.sql("""
                    insert into billing_credit_entry (id, membership_id, kind, service_id, minutes, quantity, period,
                        expires_at, at)
                    values (:id, :m, 'GRANT', :service, :minutes, :count, :period, :expires, :at)
                    on conflict do nothing""")
                    .param("id", UUID.randomUUID()).param("m", membership).param("service", credit.serviceId())
                    .param("minutes", credit.minutes()).param("count", credit.count())
                    .param("period", period.atDay(1)).param("expires", ts(expiresAt)).param("at", ts(at)).update();
        }
    }

    List<Balance> balance(UUID membership, Instant at) {
        return jdbc.sql("""
                select service_id, minutes, sum(remaining)::int from (""" + OPEN + """
                ) open group by service_id, minutes having sum(remaining) > 0 order by service_id, minutes""")
                .param("m", membership).param("at", ts(at))
                .query((rs, n) -> new Balance(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    int available(UUID membership, String serviceId, int minutes, Instant at) {
        return balance(membership, at).stream().filter(b -> b.serviceId().equals(serviceId) && b.minutes() == minutes)
                .mapToInt(Balance::count).sum();
    }

    /** Uses the credit that expires first; empty when none is left for this service and length. */
    Optional<UUID> use(UUID membership, String serviceId, int minutes, UUID appointmentId, Instant at) {
        Optional<Open> open = open(membership, at).stream()
                .filter(o -> o.serviceId().equals(serviceId) && o.minutes() == minutes).findFirst();
        open.ifPresent(o -> entry(membership, o, "USE", -1, appointmentId, at));
        return open.map(Open::grantId);
    }

    /** Gives back the credit an appointment used, once; false when it used none or it was already returned. */
    boolean giveBack(UUID appointmentId, Instant at) {
        return jdbc.sql("""
                insert into billing_credit_entry (id, membership_id, grant_id, kind, service_id, minutes, quantity,
                    appointment_id, at)
                select :id, membership_id, grant_id, 'RETURN', service_id, minutes, 1, appointment_id, :at
                from billing_credit_entry where appointment_id = :a and kind = 'USE'
                on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("a", appointmentId).param("at", ts(at)).update() > 0;
    }

    /**
     * At the start of a month: credits past their expiry lapse, then the oldest unused credits beyond the plan's
     * rollover cap lapse, each as an EXPIRE row.
     */
    void rollOver(UUID membership, int cap, Instant monthStart) {
        List<Open> open = new java.util.ArrayList<>(open(membership, Instant.EPOCH));
        java.util.Collections.reverse(open); // the newest credits are the ones that roll over
        int kept = 0;
        for (Open o : open) {
            boolean expired = !expiresAt(o.grantId()).isAfter(monthStart);
            int keep = expired ? 0 : Math.min(o.remaining(), cap - kept);
            kept += keep;
            if (o.remaining() > keep) {
                entry(membership, o, "EXPIRE", keep - o.remaining(), null, monthStart);
            }
        }
    }

    private Instant expiresAt(UUID grant) {
        return jdbc.sql("select expires_at from billing_credit_entry where id = :g").param("g", grant)
                .query(Timestamp.class).single().toInstant();
    }

    private List<Open> open(UUID membership, Instant at) {
        return jdbc.sql(OPEN_ROWS).param("m", membership).param("at", ts(at)).query(Open.class).list();
    }

    private void entry(UUID membership, Open grant, String kind, int quantity, UUID appointmentId, Instant at) {
        jdbc.sql("""
                insert into billing_credit_entry (id, membership_id, grant_id, kind, service_id, minutes, quantity,
                    appointment_id, at)
                values (:id, :m, :g, :kind, :service, :minutes, :q, :a, :at)""")
                .param("id", UUID.randomUUID()).param("m", membership).param("g", grant.grantId()).param("kind", kind)
                .param("service", grant.serviceId()).param("minutes", grant.minutes()).param("q", quantity)
                .param("a", appointmentId).param("at", ts(at)).update();
    }

    /**
     * An instant as a statement parameter, typed {@code timestamptz}. A {@link Timestamp} goes to the driver untyped:
     * PostgreSQL then has to describe the statement, and from then on the driver sends a lone Sync (a wasted round
     * trip) before each run of it that returns text columns, such as the membership read on every booking.
     */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Grants of a membership still usable at :at, with what is left of each, the first to expire first. */
    private static final String OPEN = """
            select g.id as grant_id, g.service_id, g.minutes, g.expires_at,
                   g.quantity + coalesce((select sum(e.quantity) from billing_credit_entry e where e.grant_id = g.id), 0)
                       as remaining
            from billing_credit_entry g join billing_membership m on m.id = g.membership_id
            where g.kind = 'GRANT' and g.membership_id = :m and g.expires_at > :at
              and (m.credits_end is null or m.credits_end > :at)
            """;

    private static final String OPEN_ROWS = "select grant_id, service_id, minutes, remaining from (" + OPEN
            + ") open where remaining > 0 order by expires_at, grant_id";
}
