package clinic.relief.clinic;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame shows about the clinic (name, phone, address, hours, languages), for templates as
 * {@code ${@site}}. A bean rather than a model attribute so that error pages, which no controller prepares, get it too.
 */
@Component("site")
public class SiteView {

    private final ClinicProfile clinic;
    private final SiteAddress address;
    private final ObjectProvider<StaffedWeek> staffed;

    SiteView(ClinicProfile clinic, SiteAddress address, ObjectProvider<StaffedWeek> staffed) {
        this.clinic = clinic;
        this.address = address;
        this.staffed = staffed;
    }

    public ClinicProfile getClinic() {
        return clinic;
    }

    public String getTelHref() {
        return "tel:" + clinic.phone();
    }

    public List<Locale> getLanguages() {
        return clinic.languages();
    }

    /** The clinic's languages by name, in the visitor's language: "English and Spanish". */
    public String languageNames(Locale locale) {
        List<String> names = clinic.languages().stream()
                .map(l -> l.getDisplayLanguage(locale))
                .toList();
        return joinAsSentence(names, locale);
    }

    /** The first {@code limit} cities of the service area, as a sentence. */
    public String cityNames(int limit) {
        List<String> cities = clinic.serviceArea().stream()
                .limit(limit)
                .map(ClinicProfile.ServiceAreaCity::city)
                .toList();
        return String.join(", ", cities);
    }

    /** The clinic's time zone by name: "Pacific Time". */
    public String zoneName(Locale locale) {
        return clinic.zone().getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    /**
     * The opening hours as rows of (days, times), in the visitor's language: the clinic's hours, each day narrowed to
     * the hours some therapist works (so a time the footer advertises can be booked), days with the same times
     * together. A day nobody works is left out; with no schedules at all, none is shown.
     */
    public List<HoursRow> hours(Locale locale) {
        DateTimeFormatter time =
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        Map<String, List<DayOfWeek>> byTimes = new LinkedHashMap<>();
        Map<DayOfWeek, StaffedWeek.Span> worked = staffedSpans();
        for (DayOfWeek day : DayOfWeek.values()) {
            bookable(day, worked)
                    .ifPresent(span -> byTimes.computeIfAbsent(
                                    time.format(span.start()) + " – " + time.format(span.end()), t -> new ArrayList<>())
                            .add(day));
        }
        List<HoursRow> rows = new ArrayList<>();
        byTimes.forEach((times, days) -> rows.add(new HoursRow(days(days, locale), times)));
        return rows;
    }

    private Map<DayOfWeek, StaffedWeek.Span> staffedSpans() {
        StaffedWeek week = staffed.getIfAvailable();
        if (week == null) {
            Map<DayOfWeek, StaffedWeek.Span> all = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                all.put(day, new StaffedWeek.Span(LocalTime.MIN, LocalTime.MAX));
            }
            return all;
        }
        return week.spans();
    }

    /** The clinic's hours on {@code day} narrowed to the span someone works, if anything is left. */
    private Optional<StaffedWeek.Span> bookable(DayOfWeek day, Map<DayOfWeek, StaffedWeek.Span> worked) {
        StaffedWeek.Span staffedSpan = worked.get(day);
        if (staffedSpan == null) {
            return Optional.empty();
        }
        return clinic.hours().stream().filter(h -> h.includes(day)).findFirst().flatMap(open -> {
            LocalTime start = open.opens().isAfter(staffedSpan.start()) ? open.opens() : staffedSpan.start();
            LocalTime end = open.closes().isBefore(staffedSpan.end()) ? open.closes() : staffedSpan.end();
            return start.isBefore(end) ? Optional.of(new StaffedWeek.Span(start, end)) : Optional.empty();
        });
    }

    /** A price in the clinic's currency, written the way the visitor's language writes it in the clinic's country. */
    public String money(BigDecimal amount, Locale locale) {
        Locale local = new Locale.Builder()
                .setLanguage(locale.getLanguage())
                .setRegion(clinic.address().country())
                .build();
        NumberFormat format = NumberFormat.getCurrencyInstance(local);
        format.setCurrency(Currency.getInstance(local));
        return format.format(amount);
    }

    /** The current page in another language, keeping the path and the query. */
    public String languageUrl(String language) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "/?lang=" + language;
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri instanceof String uri ? uri : request.getRequestURI();
        String query = errorUri == null ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    /** The site's public address without a trailing slash, for absolute links. */
    public String getSiteUrl() {
        return address.base();
    }

    /** The absolute address of a path of the site. */
    public String absolute(String path) {
        return address.absolute(path);
    }

    /**
     * The alternate-language links of the current page, absolute: the page in each of the clinic's languages
     * ({@code ?lang=}), and {@code x-default} (the page without a chosen language: the visitor's browser decides).
     */
    public List<Alternate> getAlternates() {
        List<Alternate> alternates = new ArrayList<>();
        for (Locale language : clinic.languages()) {
            alternates.add(new Alternate(language.getLanguage(), absolute(languageUrl(language.getLanguage()))));
        }
        alternates.add(new Alternate("x-default", absolute(withoutLanguage())));
        return alternates;
    }

    private String withoutLanguage() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "/";
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri instanceof String uri ? uri : request.getRequestURI();
        String query = errorUri == null ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang")
                .build()
                .toUriString();
    }

    /** Whether the request is for exactly this path (a section's home, whose sub-pages belong to other sections). */
    public boolean isCurrentExactly(String path) {
        HttpServletRequest request = currentRequest();
        return request != null && request.getRequestURI().equals(path);
    }

    /** Whether the current page is {@code path} or below it, for marking the menu entry. */
    public boolean isCurrent(String path) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return false;
        }
        String uri = request.getRequestURI();
        return "/".equals(path) ? "/".equals(uri) : uri.equals(path) || uri.startsWith(path + "/");
    }

    /**
     * Whether the current page is a staff page (under {@code /staff} or {@code /admin}, sign-in aside; error pages wear the public frame): the head then
     * loads the staff workspace's own stylesheet and script, which no public page carries.
     */
    public boolean isStaffPage() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return false;
        }
        String uri = request.getRequestURI();
        boolean staff = uri.equals("/staff") || uri.startsWith("/staff/") || uri.startsWith("/admin/");
        return staff && !uri.startsWith("/staff/login");
    }

    private static String joinAsSentence(List<String> words, Locale locale) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        String and = "es".equals(locale.getLanguage()) ? " y " : " and ";
        return String.join(", ", words.subList(0, words.size() - 1)) + and + words.get(words.size() - 1);
    }

    private static String days(List<DayOfWeek> sortedDays, Locale locale) {
        List<DayOfWeek> days = sortedDays.stream().sorted().toList();
        DayOfWeek first = days.get(0);
        DayOfWeek last = days.get(days.size() - 1);
        boolean consecutive = last.getValue() - first.getValue() == days.size() - 1;
        if (days.size() > 2 && consecutive) {
            return name(first, locale) + " – " + name(last, locale);
        }
        return String.join(", ", days.stream().map(d -> name(d, locale)).toList());
    }

    private static String name(DayOfWeek day, Locale locale) {
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    public record HoursRow(String days, String times) {}

    /** An alternate-language link: its {@code hreflang} and absolute address. */
    public record Alternate(String hreflang, String href) {}
}
