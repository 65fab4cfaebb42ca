package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.schedule.Therapists;
import clinic.relief.booking.store.HeldContactStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What booking pages show: times in the clinic's zone and the visitor's language, service choices, slot buttons. */
@Component
public class BookingViews {

    /** The range a slot's start must fall in before anything computes with it. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final Booking booking;
    private final Therapists therapists;
    private final HeldContactStore heldContacts;
    private final Clock clock;

    BookingViews(Booking booking, Therapists therapists, HeldContactStore heldContacts, Clock clock) {
        this.booking = booking;
        this.therapists = therapists;
        this.heldContacts = heldContacts;
        this.clock = clock;
    }

    /**
     * The address typed with the appointment's online booking, when its patient has no e-mail on record, for staff
     * pages to show: a visitor's booking holds its slot for an unverified placeholder whose record carries no address
     * until the e-mailed link proves it theirs, but the address they typed is kept with the hold. It is shown as
     * given, not as confirmed, and never used to find or change a patient record.
     */
    public Optional<String> unconfirmedEmail(AppointmentView appointment) {
        String onRecord = appointment.patient().email();
        if (onRecord != null && !onRecord.isBlank()) {
            return Optional.empty();
        }
        return heldContacts.email(appointment.id());
    }

    /**
     * A bookable start as a button: its value is {@code start|therapist}, or {@code start|therapist|second therapist}
     * for a service two therapists give together.
     */
    record SlotOption(String value, String time, String therapist) {}

    /** A service and length, as one choice: value {@code service:minutes}. */
    public record ServiceChoice(String value, String label) {}

    /** A {@code service:minutes} choice as a form sends it back. */
    public record PickedService(String service, int minutes) {

        public static PickedService parse(@Nullable String value) {
            if (value == null) {
                throw new UnknownService("");
            }
            int colon = value.lastIndexOf(':');
            if (colon < 1) {
                throw new UnknownService(value);
            }
            try {
                return new PickedService(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new UnknownService(value);
            }
        }
    }

    public String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(booking.zone())
                .format(instant);
    }

    public String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(booking.zone())
                .format(instant);
    }

    public String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(locale)
                .format(date);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(booking.zone()));
    }

    public ZoneId zone() {
        return booking.zone();
    }

    public List<ServiceChoice> serviceChoices(Locale locale) {
        List<ServiceChoice> choices = new ArrayList<>();
        for (BookableService service : booking.services()) {
            service.prices()
                    .forEach((minutes, price) -> choices.add(new ServiceChoice(
                            service.id() + ":" + minutes,
                            service.name(locale) + " · " + minutes + " min · $" + price.toPlainString())));
        }
        return choices;
    }

    /**
     * Slots grouped by day: for staff each start once per therapist, named; for patients each start once, with the
     * first free therapist (patients pick a time, not a person, unless they chose one).
     */
    public Map<String, List<SlotOption>> slotOptions(List<Slot> slots, Locale locale, boolean perTherapist) {
        return slotOptions(slots, locale, perTherapist, perTherapist);
    }

    /** Slots grouped by day, each start once with the first free therapist, who is named. */
    public Map<String, List<SlotOption>> namedSlotOptions(List<Slot> slots, Locale locale) {
        return slotOptions(slots, locale, false, true);
    }

    private Map<String, List<SlotOption>> slotOptions(
            List<Slot> slots, Locale locale, boolean perTherapist, boolean named) {
        Map<UUID, String> names = new HashMap<>();
        therapists.all().forEach(t -> names.put(t.id(), t.name()));
        Map<String, List<SlotOption>> byDay = new LinkedHashMap<>();
        Set<Instant> seen = new HashSet<>();
        for (Slot slot : slots) {
            if (!perTherapist && !seen.add(slot.start())) {
                continue;
            }
            String day = date(slot.start().atZone(booking.zone()).toLocalDate(), locale);
            byDay.computeIfAbsent(day, d -> new ArrayList<>())
                    .add(new SlotOption(
                            slot.start() + "|" + slot.therapistId()
                                    + slot.secondTherapistId()
                                            .map(second -> "|" + second)
                                            .orElse(""),
                            time(slot.start(), locale),
                            named ? names(slot, names) : ""));
        }
        return byDay;
    }

    /** "Ana", or "Ana & Ben" for a slot with a second therapist. */
    private static String names(Slot slot, Map<UUID, String> names) {
        return names.getOrDefault(slot.therapistId(), "")
                + slot.secondTherapistId()
                        .map(second -> " & " + names.getOrDefault(second, ""))
                        .orElse("");
    }

    /** The start of a {@code start|therapist[|second]} slot option as a form sends it back, or {@link BadSlot}. */
    public static Instant startOf(@Nullable String option) {
        try {
            Instant start = Instant.parse(part(option, 0));
            if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
                throw new BadSlot(option);
            }
            return start;
        } catch (DateTimeParseException e) {
            throw new BadSlot(option);
        }
    }

    /** The therapist of a {@code start|therapist[|second]} slot option, or {@link BadSlot}. */
    public static UUID therapistOf(@Nullable String option) {
        return id(option, 1);
    }

    /** The second therapist of a {@code start|therapist|second} option; empty for a one-therapist option. */
    public static Optional<UUID> secondTherapistOf(@Nullable String option) {
        return parts(option).length > 2 ? Optional.of(id(option, 2)) : Optional.empty();
    }

    private static UUID id(@Nullable String option, int index) {
        try {
            return UUID.fromString(part(option, index));
        } catch (IllegalArgumentException e) {
            throw new BadSlot(option);
        }
    }

    private static String part(@Nullable String option, int index) {
        return parts(option)[index];
    }

    private static String[] parts(@Nullable String option) {
        String[] parts = option == null ? new String[0] : option.split("\\|", -1);
        if (parts.length != 2 && parts.length != 3) {
            throw new BadSlot(option);
        }
        return parts;
    }

    /**
     * A slot option that no booking page sent: not {@code start|therapist[|second]}, or a start out of any range
     * (400).
     */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public static class BadSlot extends IllegalArgumentException {

        BadSlot(@Nullable String option) {
            super("Not a slot: " + (option == null ? "none" : option.substring(0, Math.min(option.length(), 80))));
        }
    }
}
