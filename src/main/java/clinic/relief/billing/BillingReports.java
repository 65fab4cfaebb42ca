package clinic.relief.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.billing.CreditLedger.ts;

/**
 * The owner's figures for clinic dates {@code from} to {@code to} (inclusive): money taken (payments less refunds)
 * by service and by payment method, memberships (active, monthly recurring revenue, churn) and who owes what.
 */
@Service
public class BillingReports {

    private final JdbcClient jdbc;
    private final ClinicMonths months;
    private final Patients patients;

    BillingReports(JdbcClient jdbc, ClinicMonths months, Patients patients) {
        this.jdbc = jdbc;
        this.months = months;
        this.patients = patients;
    }

    /** Money taken for one service ({@code null}: memberships and fees) or one payment method. */
    public record Revenue(String key, Money amount, int payments) {
    }

    /**
     * Memberships live on {@code to}, what they bill a month (frozen ones at the freeze fee), how many were live
     * when the period began and how many of those asked to cancel in it; churn is that share in percent.
     */
    public record MembershipFigures(int active, Money monthlyRecurring, int liveAtStart, int cancelled,
            double churnPercent) {
    }

    /** A patient with a positive balance, and the date of their oldest invoice. */
    public record Outstanding(UUID patientId, String name, Money balance, LocalDate oldestInvoice) {
    }

    @Transactional(readOnly = true)
    public List<Revenue> byService(LocalDate from, LocalDate to) {
        return revenue("i.service_id", from, to);
    }

    @Transactional(readOnly = true)
    public List<Revenue> byMethod(LocalDate from, LocalDate to) {
        return revenue("p.method", from, to);
    }

    private List<Revenue> revenue(String key, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + key + """
                 as key, sum(case when p.kind = 'PAYMENT' then p.amount else -p.amount end) as amount,
                    count(*) filter (where p.kind = 'PAYMENT') as payments
                from billing_payment p join billing_invoice i on i.id = p.invoice_id
                where p.at >= :from and p.at < :to group by 1 order by 2 desc""")
                .param("from", ts(months.startOf(from))).param("to", ts(months.startOf(to.plusDays(1))))
                .query((rs, n) -> new Revenue(rs.getString(1), Money.of(rs.getBigDecimal(2)), rs.getInt(3))).list();
    }

    @Transactional(readOnly = true)
    public MembershipFigures memberships(LocalDate from, LocalDate to) {
        String live = "started_on <= :day and (ends_on is null or ends_on > :day)";
        var figures = jdbc.sql("""
                select count(*) filter (where %s),
                       coalesce(sum(case when status = 'FROZEN' then p.freeze_fee else p.monthly_fee end)
                           filter (where %s), 0),
                       count(*) filter (where %s),
                       count(*) filter (where %s and cancel_requested_on between :from and :to)
                from billing_membership m join billing_plan p on p.id = m.plan_id"""
                        .formatted(live, live, live.replace(":day", ":from"), live.replace(":day", ":from")))
                .param("day", to).param("from", from).param("to", to)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getBigDecimal(2).movePointRight(2).intValue(),
                        rs.getInt(3), rs.getInt(4)}).single();
        double churn = figures[2] == 0 ? 0 : Math.round(1000.0 * figures[3] / figures[2]) / 10.0;
        return new MembershipFigures(figures[0], Money.ofCents(figures[1]), figures[2], figures[3], churn);
    }

    @Transactional(readOnly = true)
    public List<Outstanding> outstanding() {
        return jdbc.sql("""
                select i.patient_id,
                       sum(coalesce(l.total, 0) - coalesce(p.paid, 0)) as balance,
                       min(i.issued_at) filter (where coalesce(l.total, 0) > coalesce(p.paid, 0)) as oldest
                from billing_invoice i
                left join (select invoice_id, sum(amount) as total from billing_invoice_line group by 1) l
                    on l.invoice_id = i.id
                left join (select invoice_id, sum(case when kind = 'PAYMENT' then amount else -amount end) as paid
                    from billing_payment group by 1) p on p.invoice_id = i.id
                group by i.patient_id
                having sum(coalesce(l.total, 0) - coalesce(p.paid, 0)) > 0
                order by balance desc limit 500""")
                .query((rs, n) -> new Outstanding(rs.getObject(1, UUID.class), null,
                        Money.of(rs.getBigDecimal(2)), rs.getTimestamp(3) == null ? null
                                : LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), months.zone())))
                .list().stream()
                .map(o -> new Outstanding(o.patientId(), patients.find(o.patientId()).map(Patient::fullName)
                        .orElse(o.patientId().toString()), o.balance(), o.oldestInvoice()))
                .toList();
    }
}
