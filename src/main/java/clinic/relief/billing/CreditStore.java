package clinic.relief.billing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code billing_credit_entry}, the membership credit ledger ({@link CreditLedger} holds its rules). */
@Repository
class CreditStore {

    private final JdbcClient jdbc;

    CreditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A grant still usable, with what is left of it. */
    record Open(UUID grantId, String serviceId, int minutes, int remaining) {}

    void insertGrant(UUID membership, YearMonth period, Plan.IncludedCredit credit, Instant expiresAt, Instant at) {
        jdbc.sql("""
                insert into billing_credit_entry (id, membership_id, kind, service_id, minutes, quantity, period,
                    expires_at, at)
                values (:id, :m, 'GRANT', :service, :minutes, :count, :period, :expires, :at)
                on conflict do nothing""")
                .param("id", UUID.randomUUID())
                .param("m", membership)
                .param("service", credit.serviceId())
                .param("minutes", credit.minutes())
                .param("count", credit.count())
                .param("period", period.atDay(1))
                .param("expires", utc(expiresAt))
                .param("at", utc(at))
                .update();
    }

    /** Credits left per service and length that can still be used at {@code at}. */
    List<CreditLedger.Balance> balance(UUID membership, Instant at) {
        return jdbc.sql("""
                select service_id, minutes, sum(remaining)::int as count from (
                    select g.id as grant_id, g.service_id, g.minutes, g.expires_at,
                           g.quantity + coalesce((select sum(e.quantity) from billing_credit_entry e
                                                  where e.grant_id = g.id), 0) as remaining
                    from billing_credit_entry g join billing_membership m on m.id = g.membership_id
                    where g.kind = 'GRANT' and g.membership_id = :m and g.expires_at > :at
                      and (m.credits_end is null or m.credits_end > :at)
                ) open group by service_id, minutes having sum(remaining) > 0 order by service_id, minutes""")
                .param("m", membership)
                .param("at", utc(at))
                .query(CreditLedger.Balance.class)
                .list();
    }

    /** Grants of a membership still usable at {@code at}, with what is left of each, the first to expire first. */
    List<Open> open(UUID membership, Instant at) {
        return jdbc.sql("""
                select grant_id, service_id, minutes, remaining from (
                    select g.id as grant_id, g.service_id, g.minutes, g.expires_at,
                           g.quantity + coalesce((select sum(e.quantity) from billing_credit_entry e
                                                  where e.grant_id = g.id), 0) as remaining
                    from billing_credit_entry g join billing_membership m on m.id = g.membership_id
                    where g.kind = 'GRANT' and g.membership_id = :m and g.expires_at > :at
                      and (m.credits_end is null or m.credits_end > :at)
                ) open where remaining > 0 order by expires_at, grant_id""")
                .param("m", membership)
                .param("at", utc(at))
                .query(Open.class)
                .list();
    }

    Instant expiresAt(UUID grant) {
        return jdbc.sql("select expires_at from billing_credit_entry where id = :g")
                .param("g", grant)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    void insertEntry(UUID membership, Open grant, String kind, int quantity, UUID appointmentId, Instant at) {
        jdbc.sql("""
                insert into billing_credit_entry (id, membership_id, grant_id, kind, service_id, minutes, quantity,
                    appointment_id, at)
                values (:id, :m, :g, :kind, :service, :minutes, :q, :a, :at)""")
                .param("id", UUID.randomUUID())
                .param("m", membership)
                .param("g", grant.grantId())
                .param("kind", kind)
                .param("service", grant.serviceId())
                .param("minutes", grant.minutes())
                .param("q", quantity)
                .param("a", appointmentId)
                .param("at", utc(at))
                .update();
    }

    /** Gives back the credit an appointment used, once; false when it used none or it was already returned. */
    boolean insertReturn(UUID appointmentId, Instant at) {
        return jdbc.sql("""
                insert into billing_credit_entry (id, membership_id, grant_id, kind, service_id, minutes, quantity,
                    appointment_id, at)
                select :id, membership_id, grant_id, 'RETURN', service_id, minutes, 1, appointment_id, :at
                from billing_credit_entry where appointment_id = :a and kind = 'USE'
                on conflict do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("a", appointmentId)
                        .param("at", utc(at))
                        .update()
                > 0;
    }
}
