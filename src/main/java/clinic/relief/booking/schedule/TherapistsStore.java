package clinic.relief.booking.schedule;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read behind {@link Therapists}: who gives a service. */
@Component
class TherapistsStore {

    private final JdbcClient jdbc;

    TherapistsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The therapists (listed or not) who give the service. */
    Set<UUID> giving(String serviceId) {
        return jdbc.sql("select therapist_id from booking_therapist_service where service_id = :s")
                .param("s", serviceId)
                .query(UUID.class)
                .set();
    }
}
