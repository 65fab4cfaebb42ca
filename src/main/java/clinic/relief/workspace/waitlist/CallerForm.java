package clinic.relief.workspace.waitlist;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.BookingViews;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A caller the desk adds to the waitlist: a patient already on file ({@code patientId}) or the details to find or
 * create one, and what they wait for (a {@code service:minutes} choice, clinic days, part of the day, optionally one
 * therapist).
 */
record CallerForm(
        UUID patientId,
        String firstName,
        String lastName,
        String phone,
        String email,

        @NotBlank(message = "{portal.waitlist.service.required}")
        String service,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate firstDay,

        @NotNull(message = "{portal.waitlist.days.invalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate lastDay,

        PartOfDay partOfDay,
        UUID therapistId) {

    static CallerForm empty(LocalDate today) {
        return new CallerForm(null, null, null, null, null, null, today, today.plusDays(14), PartOfDay.ANY, null);
    }

    static CallerForm forPatient(UUID patientId, LocalDate today) {
        return new CallerForm(patientId, null, null, null, null, null, today, today.plusDays(14), PartOfDay.ANY, null);
    }

    NewPatient caller() {
        return new NewPatient(firstName, lastName, phone, email, null, "en");
    }

    WaitlistRequest request() {
        BookingViews.PickedService picked = BookingViews.PickedService.parse(service);
        return new WaitlistRequest(
                picked.service(), picked.minutes(), firstDay, lastDay, partOfDay, Optional.ofNullable(therapistId));
    }

    @AssertTrue(message = "{portal.waitlist.days.invalid}")
    public boolean isDaysInOrder() {
        return firstDay == null
                || lastDay == null
                || (!lastDay.isBefore(firstDay) && !lastDay.isAfter(firstDay.plusDays(60)));
    }
}
