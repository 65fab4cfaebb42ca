package clinic.relief.booking.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A waitlist request as stored; {@code status} is WAITING, BOOKED or WITHDRAWN.
 *
 * @param therapistId the one therapist asked for; empty for anyone who gives the service
 */
@NamedInterface("waitlist")
public record WaitlistEntry(
        UUID id,
        UUID patientId,
        String serviceId,
        int minutes,
        LocalDate firstDay,
        LocalDate lastDay,
        PartOfDay partOfDay,
        Optional<UUID> therapistId,
        String status,
        Instant createdAt) {

    public boolean isWaiting() {
        return "WAITING".equals(status);
    }
}
