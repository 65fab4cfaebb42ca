package clinic.relief.clinic;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The advertised hours are the clinic's hours narrowed to what the therapists' schedules cover. */
class SiteViewHoursTests {

    private static final Locale EN = Locale.ENGLISH;

    @Test
    void aDayNobodyWorksIsNotAdvertised() {
        Map<DayOfWeek, StaffedWeek.Span> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY)) {
            week.put(day, span("08:00", "21:00"));
        }
        List<SiteView.HoursRow> rows = site(week).hours(EN);
        assertThat(rows)
                .containsExactly(
                        new SiteView.HoursRow("Monday – Friday", "9:00 AM – 8:00 PM"),
                        new SiteView.HoursRow("Saturday", "9:00 AM – 6:00 PM"));
        assertThat(rows).noneMatch(r -> r.days().contains("Sunday"));
    }

    @Test
    void hoursAreNarrowedToTheScheduledSpanAndDaysWithTheSameTimesGoTogether() {
        Map<DayOfWeek, StaffedWeek.Span> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, span("10:00", "19:00"));
        }
        assertThat(site(week).hours(Locale.forLanguageTag("es")))
                .extracting(SiteView.HoursRow::days)
                .containsExactly("Lunes – Viernes", "Sábado", "Domingo");
        assertThat(site(week).hours(EN).get(0).times()).isEqualTo("10:00 AM – 7:00 PM");
    }

    @Test
    void withNoScheduleNoHoursAreAdvertised() {
        assertThat(site(Map.of()).hours(EN)).isEmpty();
    }

    private static StaffedWeek.Span span(String from, String to) {
        return new StaffedWeek.Span(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static SiteView site(Map<DayOfWeek, StaffedWeek.Span> week) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        StaffedWeek staffed = () -> week;
        beans.addBean("week", staffed);
        return new SiteView(
                profile(),
                new SiteAddress("https://clinic.example", new MockEnvironment()),
                beans.getBeanProvider(StaffedWeek.class));
    }

    private static ClinicProfile profile() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader()
                    .load("clinic", new ClassPathResource("clinic.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return ClinicProfile.of(Binder.get(environment)
                    .bind("relief.clinic", ClinicProfileFile.class)
                    .get());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
