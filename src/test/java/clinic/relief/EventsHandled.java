package clinic.relief;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until every asynchronous event listener has finished with what was published so far: the event publication
 * registry deletes a publication once its listener completes, so none left outstanding means all were handled. A
 * publication whose listener failed stays behind with status FAILED; it does not count as outstanding here (tests
 * that expect a failure look at it themselves).
 */
public final class EventsHandled {

    private EventsHandled() {}

    public static void awaitAll(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> outstanding(jdbc) == 0);
    }

    static long outstanding(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null "
                        + "and status is distinct from 'FAILED'")
                .query(Long.class)
                .single();
    }
}
