package clinic.relief.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.relief.billing.BillingReports.Revenue;
import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The owner's figures, summed by PostgreSQL ({@link BillingReports} says what each means). */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Memberships live on a day and when a period began, and how many of the latter asked to cancel in it. */
    record MembershipCounts(int active, Money monthlyRecurring, int liveAtStart, int cancelled) {}

    /** A patient's positive balance and when their oldest unpaid invoice was issued. */
    record Owed(UUID patientId, Money balance, Instant oldest) {}

    /**
     * Money taken in {@code [from, to)} by service ({@code null}: memberships and fees), without the tips: the tip
     * portion of each payment is left out ({@link #tipsTaken}).
     */
    List<Revenue> revenueByService(Instant from, Instant to) {
        return jdbc.sql("""
                with paid as (
                    select p.invoice_id, p.kind, p.at,
                           case when p.kind = 'PAYMENT' then p.amount else -p.amount end as signed,
                           sum(case when p.kind = 'PAYMENT' then p.amount else -p.amount end)
                               over (partition by p.invoice_id order by p.at, p.id rows unbounded preceding) as after
                    from billing_payment p
                    where p.invoice_id in (select invoice_id from billing_payment where at >= :from and at < :to)),
                lines as (
                    select invoice_id,
                           greatest(coalesce(sum(amount) filter (where kind <> 'TIP'), 0), 0) as service,
                           coalesce(sum(amount) filter (where kind = 'TIP'), 0) as tip
                    from billing_invoice_line
                    where invoice_id in (select invoice_id from billing_payment where at >= :from and at < :to)
                    group by invoice_id),
                split as (
                    select p.invoice_id, p.kind, p.at, p.signed,
                           least(greatest(p.after, coalesce(l.service, 0)), coalesce(l.service + l.tip, 0))
                             - least(greatest(p.after - p.signed, coalesce(l.service, 0)),
                                     coalesce(l.service + l.tip, 0)) as tip
                    from paid p left join lines l on l.invoice_id = p.invoice_id
                    where p.at >= :from and p.at < :to)
                select i.service_id as key, sum(s.signed - s.tip) as amount,
                    count(*) filter (where s.kind = 'PAYMENT' and s.signed > s.tip) as payments
                from split s join billing_invoice i on i.id = s.invoice_id
                group by 1 order by 2 desc""")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(ReportStore::revenue)
                .list();
    }

    /**
     * The tips in the money taken in {@code [from, to)}: of an invoice with a tip, what is paid above the rest of
     * the invoice, up to the tip (a refund takes from the tip first).
     */
    Money tipsTaken(Instant from, Instant to) {
        return jdbc.sql("""
                with paid as (
                    select p.invoice_id, p.at,
                           case when p.kind = 'PAYMENT' then p.amount else -p.amount end as signed,
                           sum(case when p.kind = 'PAYMENT' then p.amount else -p.amount end)
                               over (partition by p.invoice_id order by p.at, p.id rows unbounded preceding) as after
                    from billing_payment p
                    where p.invoice_id in (select l.invoice_id from billing_invoice_line l
                                           join billing_payment q on q.invoice_id = l.invoice_id
                                           where l.kind = 'TIP' and q.at >= :from and q.at < :to)),
                lines as (
                    select invoice_id,
                           greatest(coalesce(sum(amount) filter (where kind <> 'TIP'), 0), 0) as service,
                           coalesce(sum(amount) filter (where kind = 'TIP'), 0) as tip
                    from billing_invoice_line
                    where invoice_id in (select invoice_id from paid)
                    group by invoice_id)
                select coalesce(sum(least(greatest(p.after, l.service), l.service + l.tip)
                                    - least(greatest(p.after - p.signed, l.service), l.service + l.tip)), 0)
                from paid p join lines l on l.invoice_id = p.invoice_id
                where p.at >= :from and p.at < :to""")
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> Money.of(rs.getBigDecimal(1)))
                .single();
    }

    /** Money taken in {@code [from, to)} by payment method. */
    List<Revenue> revenueByMethod(Instant from, Instant to) {
        return jdbc.sql("""
                select p.method as key, sum(case when p.kind = 'PAYMENT' then p.amount else -p.amount end) as amount,
                    count(*) filter (where p.kind = 'PAYMENT') as payments
                from billing_payment p join billing_invoice i on i.id = p.invoice_id
                where p.at >= :from and p.at < :to group by 1 order by 2 desc""")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(ReportStore::revenue)
                .list();
    }

    MembershipCounts memberships(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*) filter (where started_on <= :day and (ends_on is null or ends_on > :day)),
                       coalesce(sum(case when status = 'FROZEN' then p.freeze_fee else p.monthly_fee end)
                           filter (where started_on <= :day and (ends_on is null or ends_on > :day)), 0),
                       count(*) filter (where started_on <= :from and (ends_on is null or ends_on > :from)),
                       count(*) filter (where started_on <= :from and (ends_on is null or ends_on > :from)
                           and cancel_requested_on between :from and :to)
                from billing_membership m join billing_plan p on p.id = m.plan_id""")
                .param("day", to)
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new MembershipCounts(rs.getInt(1), Money.of(rs.getBigDecimal(2)), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    /**
     * Patients who owe money, the most first (at most 500), counting only invoices that are due at {@code now}: a
     * visit still to come is not owed yet (the database's {@code billing_invoice_due}, as {@link InvoiceStore#notYetDue}).
     */
    List<Owed> outstanding(Instant now) {
        return jdbc.sql("""
                select i.patient_id,
                       sum(coalesce(l.total, 0) - coalesce(p.paid, 0)) as balance,
                       min(i.issued_at) filter (where coalesce(l.total, 0) > coalesce(p.paid, 0)) as oldest
                from billing_invoice_due(:now) i
                left join (select invoice_id, sum(amount) as total from billing_invoice_line group by 1) l
                    on l.invoice_id = i.id
                left join (select invoice_id, sum(case when kind = 'PAYMENT' then amount else -amount end) as paid
                    from billing_payment group by 1) p on p.invoice_id = i.id
                group by i.patient_id
                having sum(coalesce(l.total, 0) - coalesce(p.paid, 0)) > 0
                order by balance desc limit 500""")
                .param("now", utc(now))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    return new Owed(
                            rs.getObject(1, UUID.class),
                            Money.of(rs.getBigDecimal(2)),
                            oldest == null ? null : oldest.toInstant());
                })
                .list();
    }

    private static Revenue revenue(ResultSet rs, int row) throws SQLException {
        return new Revenue(rs.getString(1), Money.of(rs.getBigDecimal(2)), rs.getInt(3));
    }
}
