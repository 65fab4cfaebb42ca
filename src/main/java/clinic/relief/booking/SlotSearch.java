package clinic.relief.booking;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A question for free slots: a service and length on the clinic dates {@code from}-{@code to}, with one therapist or
 * with whoever gives the service.
 *
 * @param therapistId the one therapist asked for; empty for anyone who gives the service
 */
public record SlotSearch(String serviceId, int minutes, LocalDate from, LocalDate to, Optional<UUID> therapistId) {

    public SlotSearch {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(therapistId, "therapistId");
    }

    /** Free slots with any therapist who gives the service. */
    public static SlotSearch withAnyone(String serviceId, int minutes, LocalDate from, LocalDate to) {
        return new SlotSearch(serviceId, minutes, from, to, Optional.empty());
    }

    /** Free slots with this one therapist. */
    public static SlotSearch with(UUID therapistId, String serviceId, int minutes, LocalDate from, LocalDate to) {
        return new SlotSearch(serviceId, minutes, from, to, Optional.of(therapistId));
    }
}
