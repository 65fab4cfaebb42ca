package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.stereotype.Component;

/** What booking pages show: times in the clinic's zone and the visitor's language, service choices, slot buttons. */
@Component
public class BookingViews {

    private final Booking booking;
    private final Therapists therapists;
    private final Clock clock;

    BookingViews(Booking booking, Therapists therapists, Clock clock) {
        this.booking = booking;
        this.therapists = therapists;
        this.clock = clock;
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

        public static PickedService parse(String value) {
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
                            perTherapist ? names(slot, names) : ""));
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

    public static Instant startOf(String option) {
        return Instant.parse(option.substring(0, option.indexOf('|')));
    }

    public static UUID therapistOf(String option) {
        String[] parts = option.split("\\|", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a slot option: " + option);
        }
        return UUID.fromString(parts[1]);
    }

    /** The second therapist of a {@code start|therapist|second} option; empty for a one-therapist option. */
    public static Optional<UUID> secondTherapistOf(String option) {
        String[] parts = option.split("\\|", -1);
        return parts.length > 2 ? Optional.of(UUID.fromString(parts[2])) : Optional.empty();
    }
}
