package clinic.relief.workspace.schedule;

import clinic.relief.booking.UnknownAppointment;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.patients.UnknownPatient;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The schedule's pages given an unknown (or someone else's) appointment answer 404; given a tampered choice
 * (unknown service, length, therapist, patient) 400. Never a 500, and nothing changes.
 */
@ControllerAdvice(
        assignableTypes = {ScheduleGridPages.class, BookingPanel.class, MovePages.class, AppointmentPanel.class})
class SchedulePageErrors {

    @ExceptionHandler(UnknownAppointment.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(Model model) {
        model.addAttribute("status", 404);
        return "error/4xx";
    }

    @ExceptionHandler({
        UnknownService.class,
        UnknownLength.class,
        UnknownTherapist.class,
        UnknownPatient.class,
        IllegalArgumentException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badChoice(Model model) {
        model.addAttribute("status", 400);
        return "error/4xx";
    }
}
