package clinic.relief.booking;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a patient waits for: a service and length, clinic dates {@code firstDay}..{@code lastDay} (at most 60 days
 * apart), a part of the day, and optionally one therapist. Also the form and the API's request body.
 */
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
        UUID therapistId) {

    public WaitlistRequest {
        partOfDay = partOfDay == null ? PartOfDay.ANY : partOfDay;
    }

    @AssertTrue(message = "{portal.waitlist.days.invalid}")
    public boolean isDaysInOrder() {
        return firstDay == null
                || lastDay == null
                || (!lastDay.isBefore(firstDay) && !lastDay.isAfter(firstDay.plusDays(60)));
    }
}
