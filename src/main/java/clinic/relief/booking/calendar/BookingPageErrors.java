package clinic.relief.booking.calendar;

import java.time.format.DateTimeParseException;

import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Staff booking pages given a tampered or stale choice (unknown service, length, therapist, slot) answer 400, not 500;
 * {@code online.OnlineBookingErrors} does the same for the patients' pages.
 */
@ControllerAdvice(assignableTypes = {PhoneBooking.class, DayPages.class})
class BookingPageErrors {

    @ExceptionHandler({
        UnknownService.class,
        UnknownLength.class,
        UnknownTherapist.class,
        IllegalArgumentException.class,
        DateTimeParseException.class,
        StringIndexOutOfBoundsException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badChoice(Model model) {
        model.addAttribute("status", 400);
        return "error/4xx";
    }
}
