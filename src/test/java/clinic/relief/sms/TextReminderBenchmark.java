package clinic.relief.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time to schedule the text reminders of 10,000 appointments of 10,000 patients who agreed to texts, in one call
 * (consent and blocked numbers looked up, quiet hours applied, the rows written), as a clinic-wide re-scheduling would.
 * A benchmark, not a test: surefire does not pick it up by name. Run it with
 * {@code ./mvnw -q test -Dtest=TextReminderBenchmark -Dsurefire.failIfNoSpecifiedTests=false | grep BENCH}.
 */
@ReliefTest
class TextReminderBenchmark {

    private static final int APPOINTMENTS = 10_000;

    @Autowired
    Texts texts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void schedulesTenThousandReminders() {
        Instant now = clock.instant();
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            patients.add(UUID.randomUUID());
        }
        jdbc.sql("""
                insert into sms_consent (patient_id, channel, granted, phone, recorded_at, source)
                select id, 'TEXT', true, '+1213' || (2000000 + n)::text, :at, 'benchmark'
                from unnest(:ids::uuid[]) with ordinality as p(id, n)""")
                .param("ids", patients.toArray(UUID[]::new))
                .param("at", utc(now))
                .update();
        List<Texts.Reminder> reminders = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            // Visits every 7 minutes from two days ahead, day and night, so some reminders fall in the quiet hours.
            Instant visit = now.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(7L * i));
            reminders.add(new Texts.Reminder(UUID.randomUUID(), patients.get(i), visit));
        }

        long started = System.nanoTime();
        Integer queued = transactions.execute(tx -> texts.queueReminders(reminders));
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println(
                "BENCH text reminders: " + queued + " of " + APPOINTMENTS + " scheduled in " + millis + " ms");
        assertThat(queued).isEqualTo(APPOINTMENTS);
    }
}
