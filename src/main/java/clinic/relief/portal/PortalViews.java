package clinic.relief.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Booking;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.patients.Patient;
import org.springframework.stereotype.Component;

/** Portal views: a patient's own appointments (anyone else's is "unknown"), times in the clinic's zone. */
@Component
class PortalViews {

    /** How many days with free times a move offers at once. */
    static final int DAYS_WITH_TIMES = 3;

    /** How far ahead of the chosen day a move looks for them. */
    static final int DAYS_LOOKED_AT = 14;

    private final AppointmentBook book;
    private final Booking booking;
    private final Clock clock;

    PortalViews(AppointmentBook book, Booking booking, Clock clock) {
        this.book = book;
        this.booking = booking;
        this.clock = clock;
    }

    /** A free start as a button: value {@code start|therapist}; patients pick a time, not a person. */
    public record SlotButton(String value, String time, String therapist) {}

    /** The patient's own appointment; someone else's answers exactly like one that does not exist (404). */
    AppointmentView own(Patient patient, UUID id) {
        AppointmentView view = book.get(id);
        if (view.patient() == null || !view.patient().id().equals(patient.id())) {
            throw new UnknownAppointment(id);
        }
        return view;
    }

    List<PortalAppointment> upcoming(Patient patient, Locale locale) {
        Instant now = clock.instant();
        return book.ofPatient(patient.id()).stream()
                .filter(a -> a.start().isAfter(now) && a.status() != AppointmentStatus.CANCELLED)
                .sorted(Comparator.comparing(AppointmentView::start))
                .map(a -> of(a, locale))
                .toList();
    }

    List<PortalAppointment> past(Patient patient, Locale locale) {
        Instant now = clock.instant();
        return book.ofPatient(patient.id()).stream()
                .filter(a -> !a.start().isAfter(now) || a.status() == AppointmentStatus.CANCELLED)
                .limit(20)
                .map(a -> of(a, locale))
                .toList();
    }

    PortalAppointment of(AppointmentView a, Locale locale) {
        boolean changeable = a.status() == AppointmentStatus.BOOKED && a.start().isAfter(clock.instant());
        return new PortalAppointment(
                a.id(),
                a.service().name(locale),
                a.minutes(),
                dateTime(a.start(), locale),
                a.therapistNames(),
                a.status().name(),
                changeable,
                a.feeOwed());
    }

    /**
     * Free starts of the appointment's service and length on the first {@value #DAYS_WITH_TIMES} days from
     * {@code from} that have any (looking {@value #DAYS_LOOKED_AT} days ahead), grouped by day: a therapist booked up
     * or away for the next few days still offers their next free days, not "no free times".
     */
    Map<String, List<SlotButton>> freeTimes(AppointmentView a, LocalDate from, Locale locale) {
        Map<String, List<SlotButton>> byDay = new LinkedHashMap<>();
        Set<Instant> seen = new HashSet<>();
        // A move keeps the therapist the patient chose (their language, their specialty) and names them; a couples
        // massage takes whichever two are free.
        boolean one = !a.hasSecondTherapist();
        LocalDate until = from.plusDays(DAYS_LOOKED_AT - 1);
        SlotSearch search = one
                ? SlotSearch.with(a.therapist().id(), a.service().id(), a.minutes(), from, until)
                : SlotSearch.withAnyone(a.service().id(), a.minutes(), from, until);
        List<Slot> slots = booking.availability(search).stream()
                .sorted(Comparator.comparing(Slot::start))
                .toList();
        for (Slot slot : slots) {
            if (seen.add(slot.start())) {
                String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(locale)
                        .format(slot.start().atZone(booking.zone()));
                if (!byDay.containsKey(day) && byDay.size() == DAYS_WITH_TIMES) {
                    break;
                }
                byDay.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(new SlotButton(
                                slot.start() + "|" + slot.therapistId(),
                                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                        .withLocale(locale)
                                        .withZone(booking.zone())
                                        .format(slot.start()),
                                one ? a.therapist().name() : ""));
            }
        }
        return byDay;
    }

    String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(booking.zone())
                .format(instant);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(booking.zone()));
    }
}
