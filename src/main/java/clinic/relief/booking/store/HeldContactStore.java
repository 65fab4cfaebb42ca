package clinic.relief.booking.store;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail address typed with an online booking's hold, kept with the hold (its placeholder patient has none). */
@Repository
public class HeldContactStore {

    private final JdbcClient jdbc;

    HeldContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> email(UUID appointmentId) {
        return jdbc.sql("select email from booking_online_hold where appointment_id = :id")
                .param("id", appointmentId)
                .query(String.class)
                .optional();
    }
}
