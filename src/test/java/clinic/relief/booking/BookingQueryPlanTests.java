package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.SchedulesStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every booking reads the spans its therapist and room are blocked, so that read must find them by time through an
 * index that leads with the time range: the exclusion constraints' indexes take the same condition but lead with the
 * therapist, room or patient, so searching them by time alone walks nearly the whole index, a little more with every
 * appointment ever booked. The range has to be spelled exactly as in the index for it to be used.
 */
@ReliefTest
class BookingQueryPlanTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void blockedSpansAreReadByTimeTouchingAFewIndexPages() {
        Instant now = clock.instant();
        Instant from = now.truncatedTo(ChronoUnit.HOURS).plus(100, ChronoUnit.DAYS);
        List<String> plan = transactions.execute(tx -> {
            tx.setRollbackOnly();
            // A year of appointments, each with its own therapist as in a large clinic's history, seen by the
            // planner, in a transaction that is rolled back: on a nearly empty table any plan is cheap, so the
            // choice would say nothing.
            jdbc.sql("""
                    with p as (insert into patient (id, first_name, last_name, created_at)
                            values (gen_random_uuid(), 'Plan', 'Test', :now) returning id),
                        r as (insert into booking_room (id, name) values (gen_random_uuid(), 'Plan ' || gen_random_uuid())
                            returning id)
                    insert into booking_appointment (id, patient_id, therapist_id, room_id, service_id, minutes,
                        starts_at, ends_at, blocked_until, status, source, created_at)
                    select gen_random_uuid(), p.id, gen_random_uuid(), r.id, 'swedish', 30,
                        :now + n * interval '1 hour', :now + n * interval '1 hour' + interval '30 minutes',
                        :now + n * interval '1 hour' + interval '40 minutes', 'BOOKED', 'FRONT_DESK', :now
                    from p, r, generate_series(1, 8000) n""").param("now", utc(now)).update();
            jdbc.sql("analyze booking_appointment").update();
            return jdbc.sql("explain (analyze, buffers, costs off, timing off) " + SchedulesStore.BLOCKED)
                    .param("ignoring", new UUID(0, 0))
                    .param("from", utc(from))
                    .param("to", utc(from.plus(1, ChronoUnit.HOURS)))
                    .query(String.class)
                    .list();
        });
        // The schedule version is a table of one row, read whole.
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on booking_appointment"));
        int index = indexOf(plan, "Index Scan on booking_appointment_blocking");
        assertThat(plan.get(index + 1)).contains("Index Cond:").contains("tstzrange(starts_at, blocked_until");
        // Walking an index that leads with another column reads most of its pages, about a hundred here.
        assertThat(sharedPages(plan.get(index + 2))).isBetween(1, 10);
    }

    private static int indexOf(List<String> plan, String node) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).contains(node)) {
                return i;
            }
        }
        throw new AssertionError("no " + node + " in\n" + String.join("\n", plan));
    }

    /** The pages a plan node read, from its "Buffers: shared hit=N read=M" line. */
    private static int sharedPages(String buffers) {
        assertThat(buffers).contains("Buffers: shared");
        return Pattern.compile("(hit|read)=(\\d+)")
                .matcher(buffers)
                .results()
                .mapToInt(match -> Integer.parseInt(match.group(2)))
                .sum();
    }

    @Test
    void anAppointmentsLettersAreFoundByIndex() {
        // Each change or cancellation counts the appointment's earlier letters and voids its reminder.
        List<String> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select count(*) from booking_outbox where appointment_id = :id")
                    .param("id", UUID.randomUUID())
                    .query(String.class)
                    .list();
        });
        assertThat(plan)
                .noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("booking_outbox_appointment"));
    }
}
