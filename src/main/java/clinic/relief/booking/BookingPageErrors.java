package clinic.relief.booking;

import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Booking pages given a tampered or stale choice (unknown service, length, therapist, slot) answer 400, not 500. */
@ControllerAdvice(assignableTypes = {OnlineBooking.class, PhoneBooking.class, DayPages.class})
class BookingPageErrors {

    @ExceptionHandler({UnknownService.class, UnknownLength.class, UnknownTherapist.class,
            IllegalArgumentException.class, DateTimeParseException.class, StringIndexOutOfBoundsException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badChoice(org.springframework.ui.Model model) {
        model.addAttribute("status", 400);
        return "error/4xx";
    }
}
