package clinic.relief.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import clinic.relief.shared.TravellingClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now": inject {@link Clock} instead of calling {@code now()} so that tests can fix time.
 * <p>
 * In production the clock is {@link Clock#systemUTC()}. Tests set {@code relief.clock.start} to an ISO instant
 * ({@code src/test/resources/application-test.yml} sets {@code 2026-12-14T17:00:00Z}, a Monday, 9 AM in Los
 * Angeles): the clock then reads that instant when the application starts and moves on with real elapsed time, so
 * the date the tests see never depends on the machine's date, while holds still expire, outbox mail falls due and
 * rows still get increasing timestamps. A test that must set the time by hand builds its own clock instead.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(
            @Value("${relief.clock.start:}") String start,
            @Value("${relief.demo.history.enabled:false}") boolean demoHistory) {
        Clock clock = Clock.systemUTC();
        if (!start.isBlank()) {
            // The offset is taken once, so from here on the clock moves with the machine's elapsed time.
            clock = Clock.offset(clock, Duration.between(clock.instant(), Instant.parse(start)));
        }
        // The demo's history is written by living through its past months (see DemoHistory).
        return demoHistory ? new TravellingClock(clock) : clock;
    }
}
