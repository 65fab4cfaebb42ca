package clinic.relief.booking.waitlist;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;

/**
 * What a patient waits for: a service and length, clinic dates {@code firstDay}..{@code lastDay} (at most 60 days
 * apart), a part of the day, and one therapist or anyone who gives the service. Also the API's request body.
 *
 * @param therapistId the one therapist asked for; empty for anyone who gives the service (as in {@link SlotSearch})
 */
@NamedInterface("waitlist")
public record WaitlistRequest(
        @NotBlank(message = "{portal.waitlist.service.required}")
        String service,

        @Positive(message = "{portal.waitlist.service.required}")
        int minutes,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate firstDay,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate lastDay,

        PartOfDay partOfDay,
        Optional<UUID> therapistId) {

    /** A request body may leave out the part of the day (any) and the therapist (anyone). */
    public WaitlistRequest {
        partOfDay = partOfDay == null ? PartOfDay.ANY : partOfDay;
        therapistId = therapistId == null ? Optional.empty() : therapistId;
    }

    /** A wait for a time with any therapist who gives the service. */
    public static WaitlistRequest withAnyone(
            String service, int minutes, LocalDate firstDay, LocalDate lastDay, PartOfDay partOfDay) {
        return new WaitlistRequest(service, minutes, firstDay, lastDay, partOfDay, Optional.empty());
    }

    /** A wait for a time with this one therapist. */
    public static WaitlistRequest with(
            UUID therapistId, String service, int minutes, LocalDate firstDay, LocalDate lastDay, PartOfDay partOfDay) {
        return new WaitlistRequest(service, minutes, firstDay, lastDay, partOfDay, Optional.of(therapistId));
    }

    @AssertTrue(message = "{portal.waitlist.days.invalid}")
    public boolean isDaysInOrder() {
        return firstDay == null
                || lastDay == null
                || (!lastDay.isBefore(firstDay) && !lastDay.isAfter(firstDay.plusDays(60)));
    }
}
