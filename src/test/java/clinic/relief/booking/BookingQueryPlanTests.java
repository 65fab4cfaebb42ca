package clinic.relief.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"therapist_id", "room_id"})
    void blockedSpansAreReadThroughTheExclusionConstraintsIndex(String column) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<String> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + Schedules.blockedQuery(column))
                    .param("ids", new UUID[] {UUID.randomUUID(), UUID.randomUUID()}).param("ignoring", new UUID(0, 0))
                    .param("from", utc(from)).param("to", utc(from.plus(1, ChronoUnit.HOURS)))
                    .query(String.class).list();
        });
        // The index must narrow by time, not only by therapist or room: the time condition is what keeps the read
        // small as the years of appointments pile up.
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("booking_" + (column.equals("room_id") ? "room" : "therapist") + "_free"))
                .anyMatch(line -> line.contains("Index Cond:") && line.contains("&&"));
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
