package clinic.relief.booking.calendar;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read behind {@link CareTeamFromAppointments}. */
@Component
class CareTeamStore {

    private final JdbcClient jdbc;

    CareTeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the therapist has or had an appointment with the patient that was not cancelled. */
    boolean hasAppointments(UUID therapist, UUID patientId) {
        return jdbc.sql("""
                        select exists (select 1 from booking_appointment where therapist_id = :t
                                       and patient_id = :p and status <> 'CANCELLED')""")
                .param("t", therapist)
                .param("p", patientId)
                .query(Boolean.class)
                .single();
    }
}
