package clinic.relief.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import clinic.relief.shared.TravellingClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile's first start writes six months of the clinic's life that every staff page can show, and comes
 * back to the present when it is done.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
// Three weeks instead of the demo's six months: the same history, written in an eighth of the time.
@TestPropertySource(properties = {"relief.demo.history.enabled=true", "relief.demo.history.days=21"})
class DemoHistoryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theClockIsBackInThePresent() {
        assertThat(clock).isInstanceOf(TravellingClock.class);
        // The test profile starts the clock at 2026-12-14T17:00:00Z; it has only moved on by the test's own time.
        assertThat(clock.instant())
                .isBetween(
                        Instant.parse("2026-12-14T17:00:00Z"),
                        Instant.parse("2026-12-14T17:00:00Z").plus(1, ChronoUnit.HOURS));
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
