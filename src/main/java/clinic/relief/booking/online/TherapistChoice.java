package clinic.relief.booking.online;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.BookingViews.PickedService;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.schedule.Therapists;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Choosing a therapist on the online booking page: the bookable therapists as cards (languages, specialties, next
 * free time for the chosen service) and the filters by therapist and by language. Filter values that name no
 * bookable therapist or no language one of them speaks are ignored, and the page says so.
 */
@Component
class TherapistChoice {

    /** How far ahead a card looks for the therapist's next free time. */
    static final int NEXT_AVAILABLE_DAYS = 14;

    /** A therapist as the booking page shows them; {@code photo} is the photo's public address, empty when none. */
    record Card(UUID id, String name, String photo, List<String> languages, String specialties, String nextAvailable) {}

    /** A language a bookable therapist speaks: its code and its name in the page's language. */
    record Language(String code, String name) {}

    /** The filters as understood: empty for "any"; {@code ignored} holds message keys for values that were dropped. */
    record Filter(Optional<UUID> therapist, Optional<String> language, List<String> ignored) {

        /** Whether the therapist's card shows: any therapist, or one who speaks the chosen language. */
        boolean shows(StaffMember therapist) {
            return language.map(therapist::speaks).orElse(true);
        }

        boolean admits(Slot slot, List<StaffMember> bookable) {
            return therapist.map(id -> id.equals(slot.therapistId())).orElse(true)
                    && language.map(code -> bookable.stream()
                                    .anyMatch(m -> m.id().equals(slot.therapistId()) && m.speaks(code)))
                            .orElse(true);
        }
    }

    private final Staff staff;
    private final Therapists therapists;
    private final Booking booking;
    private final BookingViews views;

    TherapistChoice(Staff staff, Therapists therapists, Booking booking, BookingViews views) {
        this.staff = staff;
        this.therapists = therapists;
        this.booking = booking;
        this.views = views;
    }

    /** Listed therapists booking knows, by name. */
    List<StaffMember> bookable() {
        Set<UUID> known = new TreeSet<>();
        therapists.all().forEach(t -> known.add(t.id()));
        return staff.listedTherapists().stream()
                .filter(m -> known.contains(m.id()))
                .toList();
    }

    List<Language> languages(List<StaffMember> bookable, Locale locale) {
        Set<String> codes = new TreeSet<>();
        bookable.forEach(m -> codes.addAll(m.languages()));
        return codes.stream()
                .map(code -> new Language(code, name(code, locale)))
                .toList();
    }

    Filter filter(@Nullable String therapist, @Nullable String language, List<StaffMember> bookable) {
        List<String> ignored = new ArrayList<>();
        Optional<UUID> chosen = Optional.empty();
        if (therapist != null && !therapist.isBlank()) {
            chosen = parse(therapist).filter(id -> bookable.stream().anyMatch(m -> m.id().equals(id)));
            if (chosen.isEmpty()) {
                ignored.add("booking.online.unknownTherapist");
            }
        }
        Optional<String> spoken = Optional.empty();
        if (language != null && !language.isBlank()) {
            spoken = Optional.of(language).filter(code -> bookable.stream().anyMatch(m -> m.speaks(code)));
            if (spoken.isEmpty()) {
                ignored.add("booking.online.unknownLanguage");
            }
        }
        return new Filter(chosen, spoken, List.copyOf(ignored));
    }

    /**
     * One card per bookable therapist the filter shows (with a language chosen, only those who speak it); the next
     * free time only once a service is chosen.
     */
    List<Card> cards(
            List<StaffMember> bookable, Filter filter, Optional<PickedService> picked, LocalDate from, Locale locale) {
        return bookable.stream()
                .filter(filter::shows)
                .map(m -> new Card(
                        m.id(),
                        m.displayName(),
                        m.photoUrl().orElse(""),
                        m.languages().stream().map(code -> name(code, locale)).toList(),
                        m.specialties(locale),
                        picked.flatMap(p -> next(m.id(), p, from))
                                .map(slot -> views.dateTime(slot.start(), locale))
                                .orElse("")))
                .toList();
    }

    private Optional<Slot> next(UUID therapist, PickedService picked, LocalDate from) {
        try {
            return booking
                    .availability(SlotSearch.with(
                            therapist,
                            picked.service(),
                            picked.minutes(),
                            from,
                            from.plusDays(NEXT_AVAILABLE_DAYS - 1)))
                    .stream()
                    .findFirst();
        } catch (UnknownTherapist notGiven) {
            return Optional.empty(); // this therapist does not give the chosen service
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String name(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
