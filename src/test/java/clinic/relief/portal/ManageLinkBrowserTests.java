package clinic.relief.portal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.SlotSearch;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manage link of the confirmation e-mail (read from the outbox), on a phone, in both languages: the patient,
 * not signed in, moves one appointment to another free time and cancels another. Each page checked with axe-core.
 */
@ActiveProfiles({"test", "demo"})
class ManageLinkBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aPatientMovesOneAppointmentAndCancelsAnotherFromTheirLinksOnAPhone() throws IOException {
        browser.width(390);
        for (String language : List.of("en", "es")) {
            driver.get(url("/"));
            driver.manage().deleteAllCookies();
            UUID patient = patients.findOrCreate(new NewPatient(
                            "Lina", "Link", null, "link-" + UUID.randomUUID() + "@example.com", null, language))
                    .id();
            UUID moving = book(patient, firstFree(bookingDay()));
            UUID cancelling = book(patient, firstFree(bookingDay().plusDays(1)));
            Instant before = start(moving);

            driver.get(url("/manage?lang=" + language + "&token=" + token(moving)));
            check("manage-" + language);
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("a[href*='/manage/move']"))
                    .click());
            driver.get(driver.getCurrentUrl() + "&date=" + bookingDay());
            check("manage-move-" + language);
            // Another time, not the same time with another therapist.
            browser.andWaitForNewPage(() -> driver.findElements(By.cssSelector("button.slot")).stream()
                    .filter(slot -> !slot.getAttribute("value").startsWith(before.toString()))
                    .findFirst()
                    .orElseThrow()
                    .click());
            check("manage-moved-" + language);
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .contains(language.equals("en") ? "Your appointment is moved" : "Su cita ha cambiado de hora");
            assertThat(start(moving)).isNotEqualTo(before);

            driver.get(url("/manage?lang=" + language + "&token=" + token(cancelling)));
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("a[href*='/manage/cancel']"))
                    .click());
            check("manage-cancel-" + language);
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector("form.actions button")).click());
            check("manage-cancelled-" + language);
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .contains(language.equals("en") ? "free of charge" : "sin costo");
            assertThat(jdbc.sql("select status from booking_appointment where id = :id")
                            .param("id", cancelling)
                            .query(String.class)
                            .single())
                    .isEqualTo("CANCELLED");
        }
        assertThat(problems).isEmpty();
    }

    private UUID book(UUID patient, Instant start) {
        return booking.book(new BookAppointment(
                        patient, "trigger-point", 60, start, Optional.empty(), Appointment.Source.ONLINE, null, null))
                .id();
    }

    private Instant firstFree(LocalDate day) {
        return booking.availability(SlotSearch.withAnyone("trigger-point", 60, day, day.plusDays(2)))
                .get(0)
                .start();
    }

    private Instant start(UUID appointment) {
        return jdbc.sql("select starts_at from booking_appointment where id = :id")
                .param("id", appointment)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    /** The manage link's token in the confirmation e-mail of the appointment. */
    private String token(UUID appointment) {
        String body = jdbc.sql("select body from booking_outbox where appointment_id = :id and kind = 'CONFIRMATION'")
                .param("id", appointment)
                .query(String.class)
                .single();
        return body.replaceAll("(?s).*/manage\\?token=([A-Za-z0-9_-]+).*", "$1");
    }

    private void check(String name) throws IOException {
        browser.screenshot("portal-" + name + "-390");
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Two days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate bookingDay() {
        LocalDate day = today().plusDays(2);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
