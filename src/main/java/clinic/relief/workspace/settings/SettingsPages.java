package clinic.relief.workspace.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.Booking;
import clinic.relief.booking.schedule.WorkingHours;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.SiteView;
import clinic.relief.staff.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The owner's settings in one place (the security rules admit only the owner): the clinic profile as the profile
 * file sets it (read-only: it is validated at start-up, so it changes with a restart), services and prices,
 * therapists' public profiles (edited in {@link TherapistSettingsPages}) and their weekly hours, rooms, and links to the editors that exist (hours and rooms, API tokens, the
 * outbox). Above them, the warnings of {@link HoursCheck}.
 */
@Controller
class SettingsPages {

    private final ClinicProfile clinic;
    private final SiteView site;
    private final Booking booking;
    private final AppointmentBook book;
    private final WorkingHours hours;
    private final Staff staff;

    SettingsPages(
            ClinicProfile clinic,
            SiteView site,
            Booking booking,
            AppointmentBook book,
            WorkingHours hours,
            Staff staff) {
        this.clinic = clinic;
        this.site = site;
        this.booking = booking;
        this.book = book;
        this.hours = hours;
        this.staff = staff;
    }

    /** A therapist's public profile in brief, with the owner's address of their photo (empty when none). */
    record ProfileRow(
            UUID id,
            String name,
            String photoUrl,
            String languages,
            String specialties,
            String license,
            boolean listed) {}

    /** A therapist with their week written out: "Monday 9:00 AM – 5:00 PM". */
    record TherapistRow(UUID id, String name, List<String> week) {}

    /** A service with its prices written out: "60 min · $120.00". */
    record ServiceRow(String name, List<String> prices) {}

    /** A warning ready to show: its message key and arguments. */
    record Warning(String key, List<String> args) {}

    @GetMapping("/staff/settings")
    String settings(Locale locale, Model model) {
        List<WorkingHours.TherapistWeek> weeks = hours.weekly();
        HoursCheck.Result check = HoursCheck.check(clinic.hours(), weeks);
        DateTimeFormatter time =
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        model.addAttribute("clinic", clinic);
        model.addAttribute("openingHours", site.hours(locale));
        model.addAttribute("languages", site.languageNames(locale));
        model.addAttribute("zoneName", site.zoneName(locale));
        model.addAttribute("warnings", warnings(check, time, locale));
        model.addAttribute(
                "therapists",
                weeks.stream()
                        .map(w -> new TherapistRow(
                                w.therapist().id(), w.therapist().name(), week(w.hours(), time, locale)))
                        .toList());
        model.addAttribute(
                "services",
                booking.services().stream()
                        .map(s -> new ServiceRow(
                                s.name(locale),
                                s.prices().entrySet().stream()
                                        .map(p -> p.getKey() + " min · " + site.money(p.getValue(), locale))
                                        .toList()))
                        .toList());
        model.addAttribute(
                "profiles",
                staff.therapists().stream()
                        .map(m -> new ProfileRow(
                                m.id(),
                                m.displayName(),
                                TherapistSettingsPages.previewUrl(m),
                                String.join(
                                        ", ",
                                        m.languages().stream()
                                                .map(code -> TherapistSettingsPages.languageName(code, locale))
                                                .toList()),
                                m.specialties(locale),
                                m.licensed() ? m.licenseType() + " " + m.licenseNumber() : "",
                                m.listed()))
                        .toList());
        Map<UUID, String> rooms = book.rooms();
        model.addAttribute("rooms", List.copyOf(rooms.values()));
        return "workspace/settings";
    }

    /** One warning per therapist and day, and one per day of unbookable hours, each listing its spans. */
    private static List<Warning> warnings(HoursCheck.Result check, DateTimeFormatter time, Locale locale) {
        Map<List<Object>, List<String>> outside = new LinkedHashMap<>();
        check.outside()
                .forEach(o -> outside.computeIfAbsent(List.of(o.therapist(), o.day()), k -> new ArrayList<>())
                        .add(span(o.start(), o.end(), time)));
        Map<DayOfWeek, List<String>> uncovered = new LinkedHashMap<>();
        check.uncovered()
                .forEach(u -> uncovered
                        .computeIfAbsent(u.day(), k -> new ArrayList<>())
                        .add(span(u.start(), u.end(), time)));
        List<Warning> warnings = new ArrayList<>();
        outside.forEach((k, spans) -> warnings.add(new Warning(
                "workspace.settings.warning.outside",
                List.of((String) k.get(0), day((DayOfWeek) k.get(1), locale), String.join(", ", spans)))));
        uncovered.forEach((d, spans) -> warnings.add(new Warning(
                "workspace.settings.warning.uncovered", List.of(day(d, locale), String.join(", ", spans)))));
        return warnings;
    }

    /** A week as lines, days with the same hours together: "Monday – Saturday 9:00 AM – 6:00 PM". */
    static List<String> week(List<WorkingHours.Hours> hours, DateTimeFormatter time, Locale locale) {
        Map<String, List<DayOfWeek>> bySpan = new LinkedHashMap<>();
        hours.stream()
                .sorted(Comparator.comparing(WorkingHours.Hours::start).thenComparing(WorkingHours.Hours::day))
                .forEach(h -> bySpan.computeIfAbsent(span(h.start(), h.end(), time), k -> new ArrayList<>())
                        .add(h.day()));
        List<String> lines = new ArrayList<>();
        bySpan.forEach((span, days) -> lines.add(days(days, locale) + " " + span));
        return lines;
    }

    private static String days(List<DayOfWeek> days, Locale locale) {
        List<DayOfWeek> sorted = days.stream().sorted().distinct().toList();
        DayOfWeek first = sorted.get(0);
        DayOfWeek last = sorted.get(sorted.size() - 1);
        if (sorted.size() > 2 && last.getValue() - first.getValue() == sorted.size() - 1) {
            return day(first, locale) + " – " + day(last, locale);
        }
        return String.join(", ", sorted.stream().map(d -> day(d, locale)).toList());
    }

    private static String day(DayOfWeek day, Locale locale) {
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static String span(LocalTime start, LocalTime end, DateTimeFormatter time) {
        return time.format(start) + " – " + time.format(end);
    }
}
