package clinic.relief.portal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The waitlist form: a service and length as one choice ({@code service:minutes}), days, part of day, and a therapist
 * (the form's empty choice, "anyone", binds no id).
 */
record WaitlistForm(
        @NotBlank(message = "{portal.waitlist.service.required}")
        @Pattern(regexp = "[a-z0-9-]{1,60}:[0-9]{1,3}", message = "{portal.waitlist.service.required}")
        String choice,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate firstDay,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate lastDay,

        PartOfDay partOfDay,
        UUID therapistId) {

    static WaitlistForm start(LocalDate today) {
        return new WaitlistForm(null, today.plusDays(1), today.plusDays(14), PartOfDay.ANY, null);
    }

    @AssertTrue(message = "{portal.waitlist.days.invalid}")
    public boolean isDaysInOrder() {
        return firstDay == null || lastDay == null || request().isDaysInOrder();
    }

    WaitlistRequest request() {
        String[] parts = choice == null ? new String[] {"", "0"} : choice.split(":", 2);
        return new WaitlistRequest(
                parts[0],
                parts.length < 2 ? 0 : Integer.parseInt(parts[1]),
                firstDay,
                lastDay,
                partOfDay,
                Optional.ofNullable(therapistId));
    }
}
