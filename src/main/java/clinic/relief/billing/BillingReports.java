package clinic.relief.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's figures for clinic dates {@code from} to {@code to} (inclusive): money taken (payments less refunds)
 * by service (tips left out: they are the therapists', not the service's) and by payment method, memberships (active, monthly recurring revenue, churn) and who owes what.
 */
@Service
public class BillingReports {

    private final ReportStore store;
    private final ClinicMonths months;
    private final Patients patients;

    BillingReports(ReportStore store, ClinicMonths months, Patients patients) {
        this.store = store;
        this.months = months;
        this.patients = patients;
    }

    /** Money taken for one service ({@code null}: memberships and fees) or one payment method. */
    public record Revenue(String key, Money amount, int payments) {}

    /**
     * Memberships live on {@code to}, what they bill a month (frozen ones at the freeze fee), how many were live
     * when the period began and how many of those asked to cancel in it; churn is that share in percent.
     */
    public record MembershipFigures(
            int active, Money monthlyRecurring, int liveAtStart, int cancelled, double churnPercent) {}

    /** A patient with a positive balance, and the date of their oldest invoice. */
    public record Outstanding(UUID patientId, String name, Money balance, LocalDate oldestInvoice) {}

    @Transactional(readOnly = true)
    public List<Revenue> byService(LocalDate from, LocalDate to) {
        return store.revenueByService(months.startOf(from), months.startOf(to.plusDays(1)));
    }

    /** The tips in the money taken (left out of {@link #byService}; the payments module lists them per therapist). */
    @Transactional(readOnly = true)
    public Money tipsTaken(LocalDate from, LocalDate to) {
        return store.tipsTaken(months.startOf(from), months.startOf(to.plusDays(1)));
    }

    @Transactional(readOnly = true)
    public List<Revenue> byMethod(LocalDate from, LocalDate to) {
        return store.revenueByMethod(months.startOf(from), months.startOf(to.plusDays(1)));
    }

    @Transactional(readOnly = true)
    public MembershipFigures memberships(LocalDate from, LocalDate to) {
        ReportStore.MembershipCounts counts = store.memberships(from, to);
        double churn =
                counts.liveAtStart() == 0 ? 0 : Math.round(1000.0 * counts.cancelled() / counts.liveAtStart()) / 10.0;
        return new MembershipFigures(
                counts.active(), counts.monthlyRecurring(), counts.liveAtStart(), counts.cancelled(), churn);
    }

    @Transactional(readOnly = true)
    public List<Outstanding> outstanding() {
        return store.outstanding(months.now()).stream()
                .map(o -> new Outstanding(
                        o.patientId(),
                        patients.find(o.patientId())
                                .map(Patient::fullName)
                                .orElse(o.patientId().toString()),
                        o.balance(),
                        o.oldest() == null ? null : LocalDate.ofInstant(o.oldest(), months.zone())))
                .toList();
    }
}
