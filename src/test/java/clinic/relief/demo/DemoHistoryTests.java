package clinic.relief.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import clinic.relief.shared.TravellingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo profile's first start writes six months of the clinic's life that every staff page can show, and comes
 * back to the present when it is done.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
// Three weeks instead of the demo's six months: the same history, written in an eighth of the time.
@TestPropertySource(properties = {"relief.demo.history.enabled=true", "relief.demo.history.days=21"})
class DemoHistoryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void theClockIsBackInThePresent() {
        assertThat(clock).isInstanceOf(TravellingClock.class);
        // The test profile starts the clock at 2026-12-14T17:00:00Z; it has only moved on by the test's own time.
        assertThat(clock.instant())
                .isBetween(
                        Instant.parse("2026-12-14T17:00:00Z"),
                        Instant.parse("2026-12-14T17:00:00Z").plus(1, ChronoUnit.HOURS));
    }

    /** The staff pages read the clinic's day through the demo's clock (its withZone once answered 500 on Today). */
    @ParameterizedTest(name = "{0} opens {2}")
    @CsvSource({
        "OWNER,      owner@demo.relief.test, /staff",
        "OWNER,      owner@demo.relief.test, /staff/schedule",
        "OWNER,      owner@demo.relief.test, /staff/schedule?view=week",
        "OWNER,      owner@demo.relief.test, /staff/patients",
        "OWNER,      owner@demo.relief.test, /staff/waitlist",
        "OWNER,      owner@demo.relief.test, /staff/billing",
        "OWNER,      owner@demo.relief.test, /staff/billing/reports",
        "OWNER,      owner@demo.relief.test, /staff/insurance",
        "OWNER,      owner@demo.relief.test, /staff/notes",
        "OWNER,      owner@demo.relief.test, /staff/settings",
        "FRONT_DESK, desk@demo.relief.test,  /staff",
        "THERAPIST,  maria@demo.relief.test, /staff",
    })
    void everyStaffPageOpensOnTheDemosClock(String role, String email, String page) throws Exception {
        mvc.perform(get(page).with(user(email).roles(role))).andExpect(status().isOk());
    }

    @Test
    void everyAdvertisedHourCanBeBookedWithTheDemoTherapists() throws Exception {
        mvc.perform(get("/staff/settings?lang=en")
                        .with(user("owner@demo.relief.test").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<ul class=\"warnings\""))));
    }

    @Test
    void theClockReadsTheSameInstantInTheClinicsZone() {
        Clock losAngeles = clock.withZone(ZoneId.of("America/Los_Angeles"));
        assertThat(losAngeles.getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(Duration.between(clock.instant(), losAngeles.instant())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sixtyPatientsWithWeeksOfDocumentedPaidVisits() {
        assertThat(count("select count(*) from patient where email like '%@demo.relief.test'"))
                .isEqualTo(60);
        long completed = count("select count(*) from booking_appointment where status = 'COMPLETED'");
        assertThat(completed).isGreaterThan(80);
        assertThat(count("""
                        select count(*) from booking_appointment
                        where status = 'COMPLETED' and starts_at < timestamptz '2026-11-30'""")).isPositive();
        assertThat(count("select count(*) from booking_appointment where status = 'NO_SHOW'"))
                .isPositive();
        assertThat(count("select count(*) from booking_appointment where status = 'CANCELLED'"))
                .isPositive();
        // Every completed visit has a signed note with trigger points and pain before and after.
        assertThat(count("select count(distinct appointment_id) from outcomes_note where signed_at is not null"))
                .isEqualTo(completed);
        assertThat(count("select count(*) from outcomes_pain where before is not null and after is not null"))
                .isEqualTo(completed);
        // Paid at the desk, apart from visits a membership credit or a free follow-up already covered.
        assertThat(count("select count(*) from billing_payment")).isGreaterThan(completed * 3 / 4);
    }

    @Test
    void membershipsAGiftCardAWaitlistAndTheNextTwoWeeksBooked() {
        assertThat(count("select count(*) from billing_membership")).isEqualTo(2);
        assertThat(count("select count(*) from billing_gift_card")).isEqualTo(1);
        assertThat(count("select count(*) from booking_waitlist")).isEqualTo(4);
        assertThat(count("""
                        select count(*) from booking_appointment
                        where status = 'BOOKED' and starts_at > timestamptz '2026-12-15'""")).isGreaterThan(20);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
