package clinic.relief.booking.store;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's appointments and waitlist requests to the patient kept, in the merge's transaction. */
@Repository
class BookingPatientMoves implements PatientMergeParticipant {

    private final JdbcClient jdbc;

    BookingPatientMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = move("""
                update booking_appointment set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update booking_waitlist set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        return moved;
    }

    private int move(String sql, UUID duplicate, UUID kept) {
        return jdbc.sql(sql).param("duplicate", duplicate).param("kept", kept).update();
    }
}
