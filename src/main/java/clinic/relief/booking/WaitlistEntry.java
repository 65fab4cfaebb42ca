package clinic.relief.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A waitlist request as stored; {@code status} is WAITING, BOOKED or WITHDRAWN. */
public record WaitlistEntry(
        UUID id,
        UUID patientId,
        String serviceId,
        int minutes,
        LocalDate firstDay,
        LocalDate lastDay,
        PartOfDay partOfDay,
        UUID therapistId,
        String status,
        Instant createdAt) {

    public boolean isWaiting() {
        return "WAITING".equals(status);
    }
}
