package clinic.relief.booking;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk books a couples massage for a phone caller in a real browser with the demo data: each time names
 * its two therapists, and the day shows both. Screenshots at 390 and 1280 px, axe-core checks.
 */
@ActiveProfiles({"test", "demo"})
class CouplesBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> problems = new ArrayList<>();

    @Test
    void theFrontDeskBooksACouplesMassageWithTwoTherapists() throws IOException {
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            driver.get(url("/staff/login?lang=en"));
            driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
            driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form button[type=submit]"))
                    .click());

            driver.get(url("/staff/booking/new"));
            String lastName = "Couple" + UUID.randomUUID().toString().substring(0, 6);
            driver.findElement(By.id("firstName")).sendKeys("Rosa");
            driver.findElement(By.id("lastName")).sendKeys(lastName);
            driver.findElement(By.id("phone")).sendKeys("(310) 555-0178");
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector(".patient-form button")).click());

            driver.get(driver.getCurrentUrl() + "&choice=couples:60&date=" + bookingDay());
            check("phone-couples-times-" + width);
            assertThat(driver.findElement(By.cssSelector("button.slot")).getText())
                    .contains(" & ");
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("button.slot")).click());

            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(lastName);
            check("day-couples-" + width);
            assertThat(jdbc.sql("""
                            select count(*) from booking_appointment a join patient p on p.id = a.patient_id
                            where p.last_name = :n and a.second_therapist_id is not null and a.room_id is not null""").param("n", lastName).query(Integer.class).single())
                    .isEqualTo(1);
            driver.manage().deleteAllCookies();
        }
        assertThat(problems).isEmpty();
    }

    private void check(String name) throws IOException {
        browser.screenshot("couples-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Two days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate bookingDay() {
        LocalDate day = today().plusDays(2);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
