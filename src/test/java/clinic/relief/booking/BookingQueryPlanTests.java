package clinic.relief.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.booking.Schedules.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every booking reads the spans its therapist and room are blocked, so that read must find them by time through an
 * index: anything else costs a little more with every appointment ever booked. The range has to be spelled exactly as
 * in the exclusion constraints for their GiST index to take it; the two-argument {@code tstzrange} is not.
 */
@ReliefTest
class BookingQueryPlanTests {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void blockedSpansAreReadThroughAnExclusionConstraintsIndex() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(100, ChronoUnit.DAYS);
        List<String> plan = transactions.execute(tx -> {
            tx.setRollbackOnly();
            // A year of appointments, seen by the planner, in a transaction that is rolled back: on a nearly empty
            // table any plan is cheap, so the choice would say nothing.
            jdbc.sql("""
                    with p as (insert into patient (id, first_name, last_name, created_at)
                            values (gen_random_uuid(), 'Plan', 'Test', now()) returning id),
                        r as (insert into booking_room (id, name) values (gen_random_uuid(), 'Plan ' || gen_random_uuid())
                            returning id)
                    insert into booking_appointment (id, patient_id, therapist_id, room_id, service_id, minutes,
                        starts_at, ends_at, blocked_until, status, source, created_at)
                    select gen_random_uuid(), p.id, gen_random_uuid(), r.id, 'swedish', 30,
                        now() + n * interval '1 hour', now() + n * interval '1 hour' + interval '30 minutes',
                        now() + n * interval '1 hour' + interval '40 minutes', 'BOOKED', 'FRONT_DESK', now()
                    from p, r, generate_series(1, 8000) n""").update();
            jdbc.sql("analyze booking_appointment").update();
            return jdbc.sql("explain " + Schedules.BLOCKED).param("ignoring", new UUID(0, 0))
                    .param("from", utc(from)).param("to", utc(from.plus(1, ChronoUnit.HOURS)))
                    .query(String.class).list();
        });
        // The index must narrow by time: that is what keeps the read small as the years of appointments pile up. (The
        // schedule version is a table of one row, read whole.)
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on booking_appointment"))
                .anyMatch(line -> line.contains("Index Cond:") && line.contains("tstzrange(starts_at, blocked_until"));
    }

    @Test
    void anAppointmentsLettersAreFoundByIndex() {
        // Each change or cancellation counts the appointment's earlier letters and voids its reminder.
        List<String> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select count(*) from booking_outbox where appointment_id = :id")
                    .param("id", UUID.randomUUID()).query(String.class).list();
        });
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("booking_outbox_appointment"));
    }
}
