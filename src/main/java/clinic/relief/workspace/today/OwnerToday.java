package clinic.relief.workspace.today;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import clinic.relief.billing.BillingReports;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.schedule.WorkingHours;
import clinic.relief.clinic.SiteView;
import clinic.relief.outcomes.Results;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/** The owner's figures of the day, from billing, booking and the de-identified outcomes results. */
@Component
class OwnerToday {

    /** What occupies a therapist's time: everything but a cancelled booking or an unconfirmed hold. */
    private static final Set<AppointmentStatus> OCCUPYING = EnumSet.of(
            AppointmentStatus.REQUESTED,
            AppointmentStatus.BOOKED,
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.NO_SHOW);

    /** What makes a patient a returning client: an earlier visit that was or is still on. */
    private static final Set<AppointmentStatus> VISITED =
            EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED);

    private final AppointmentBook book;
    private final WorkingHours hours;
    private final BillingReports billing;
    private final Results results;
    private final SiteView site;

    OwnerToday(AppointmentBook book, WorkingHours hours, BillingReports billing, Results results, SiteView site) {
        this.book = book;
        this.hours = hours;
        this.billing = billing;
        this.results = results;
        this.site = site;
    }

    OwnerFigures figures(LocalDate date, Locale locale) {
        List<AppointmentView> day = book.day(date);
        Money taken = billing.byMethod(date, date).stream()
                .map(BillingReports.Revenue::amount)
                .reduce(Money.ZERO, Money::plus);
        long booked = day.stream()
                .filter(a -> OCCUPYING.contains(a.status()))
                .mapToLong(AppointmentView::minutes)
                .sum();
        long scheduled = hours.scheduledMinutes(date);
        var overall = results.overall();
        return new OwnerFigures(
                site.money(taken.amount(), locale),
                scheduled == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(100.0 * booked / scheduled)),
                booked,
                scheduled,
                count(
                        day,
                        EnumSet.of(
                                AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED)),
                count(day, EnumSet.of(AppointmentStatus.NO_SHOW)),
                count(day, EnumSet.of(AppointmentStatus.CANCELLED)),
                (int) day.stream()
                        .filter(a -> OCCUPYING.contains(a.status()))
                        .filter(this::isFirstVisit)
                        .map(a -> a.patient().id())
                        .distinct()
                        .count(),
                overall.map(line -> OptionalLong.of(line.sharePercent())).orElse(OptionalLong.empty()),
                overall.map(Results.Line::sessions).orElse(0L));
    }

    private boolean isFirstVisit(AppointmentView visit) {
        return book.ofPatient(visit.patient().id()).stream()
                .noneMatch(a -> VISITED.contains(a.status()) && a.start().isBefore(visit.start()));
    }

    private static int count(List<AppointmentView> day, Set<AppointmentStatus> statuses) {
        return (int) day.stream().filter(a -> statuses.contains(a.status())).count();
    }
}
