package clinic.relief.workspace.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import clinic.relief.billing.BillingReports;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.DeskQueues;
import clinic.relief.booking.waitlist.WaitlistOffer;
import clinic.relief.clinic.SiteView;
import clinic.relief.patients.HealthHistories;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.stereotype.Component;

/**
 * Gathers the front desk's Today from booking, billing and patients: no clinical content, only whether an intake
 * is on file. Times are in the clinic's zone, by the application's clock.
 */
@Component
class DeskToday {

    private static final int UNPAID_SHOWN = 20;
    private static final Set<AppointmentStatus> EXPECTED =
            Set.of(AppointmentStatus.REQUESTED, AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN);

    private final AppointmentBook book;
    private final Approvals approvals;
    private final DeskQueues queues;
    private final Booking booking;
    private final BillingReports billing;
    private final HealthHistories histories;
    private final IntakeForms forms;
    private final Patients patients;
    private final BookingViews views;
    private final SiteView site;

    DeskToday(
            AppointmentBook book,
            Approvals approvals,
            DeskQueues queues,
            Booking booking,
            BillingReports billing,
            HealthHistories histories,
            IntakeForms forms,
            Patients patients,
            BookingViews views,
            SiteView site) {
        this.book = book;
        this.approvals = approvals;
        this.queues = queues;
        this.booking = booking;
        this.billing = billing;
        this.histories = histories;
        this.forms = forms;
        this.patients = patients;
        this.views = views;
        this.site = site;
    }

    DeskLists lists(LocalDate date, Locale locale) {
        List<AppointmentView> today = book.day(date);
        return new DeskLists(
                today.stream()
                        .filter(a -> a.status() != AppointmentStatus.CANCELLED)
                        .map(a -> appointment(a, views.time(a.start(), locale), locale))
                        .toList(),
                queues.unconfirmed().stream()
                        .map(a -> appointment(a, when(a.start(), locale), locale))
                        .toList(),
                approvals.awaiting().stream()
                        .map(a -> new Item(
                                when(a.start(), locale),
                                a.patient().fullName(),
                                what(a, locale),
                                null,
                                "/staff/booking/requests"))
                        .toList(),
                intakesMissing(date, today, locale),
                billing.outstanding().stream()
                        .limit(UNPAID_SHOWN)
                        .map(o -> new Item(
                                o.oldestInvoice() == null ? "" : views.date(o.oldestInvoice(), locale),
                                o.name(),
                                site.money(o.balance().amount(), locale),
                                null,
                                "/staff/billing/patients/" + o.patientId()))
                        .toList(),
                queues.offersOut().stream().map(o -> offer(o, locale)).toList());
    }

    /**
     * Today's and tomorrow's expected visits whose patient has given no intake yet: neither a signed intake form nor a
     * health history at booking (the appointment panel's "missing").
     */
    private List<Item> intakesMissing(LocalDate date, List<AppointmentView> today, Locale locale) {
        return Stream.concat(today.stream(), book.day(date.plusDays(1)).stream())
                .filter(a -> EXPECTED.contains(a.status()))
                .filter(a -> histories.onFileSince(a.patient().id()).isEmpty()
                        && forms.status(a.patient().id()).signedAt().isEmpty())
                .map(a -> new Item(
                        when(a.start(), locale),
                        a.patient().fullName(),
                        what(a, locale),
                        null,
                        "/staff/schedule/appointments/" + a.id()))
                .toList();
    }

    private Item appointment(AppointmentView a, String when, Locale locale) {
        return new Item(
                when,
                a.patient().fullName(),
                what(a, locale) + " · " + a.therapist().name() + (a.room() == null ? "" : " · " + a.room()),
                a.deskState(),
                "/staff/schedule/appointments/" + a.id());
    }

    private Item offer(WaitlistOffer o, Locale locale) {
        return new Item(
                when(o.start(), locale),
                patients.find(o.patientId()).map(Patient::fullName).orElse(""),
                booking.service(o.serviceId()).name(locale) + " · " + o.minutes() + " min",
                null,
                "/staff/booking?date=" + o.start().atZone(views.zone()).toLocalDate());
    }

    /** A date and time short enough for a list line: "Dec 15, 2026, 10:00 AM". */
    private String when(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(views.zone())
                .format(at);
    }

    private static String what(AppointmentView a, Locale locale) {
        return a.service().name(locale) + " · " + a.minutes() + " min";
    }
}
