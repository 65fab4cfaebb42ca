package clinic.relief.booking.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentChangedMeanwhile;
import clinic.relief.booking.AppointmentNotStarted;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.store.IdempotencyKeys;
import clinic.relief.patients.UnknownPatient;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Turns booking's domain exceptions into RFC 9457 problems with localized titles; used by booking's controllers. */
@Component
public class BookingProblems {

    private final MessageSource messages;

    BookingProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The problem for a booking failure; anything else is rethrown for the global fallback. */
    public ProblemDetail of(RuntimeException failure, Locale locale) {
        if (failure instanceof SlotTaken taken) {
            return slotTaken(taken, locale);
        }
        if (failure instanceof AppointmentStateConflict conflict) {
            return withState(conflict, locale);
        }
        if (failure instanceof PatientAlreadyBooked) {
            return problem(409, "patientBusy", locale);
        }
        if (failure instanceof UnknownAppointment) {
            return problem(404, "unknownAppointment", locale);
        }
        if (failure instanceof IdempotencyKeys.TooLong) {
            return problem(400, "idempotencyKeyTooLong", locale);
        }
        if (failure instanceof IdempotencyKeys.Blank) {
            return problem(400, "idempotencyKeyBlank", locale);
        }
        String code = failure instanceof SlotNotOffered
                ? "slotNotOffered"
                : failure instanceof UnknownService
                        ? "unknownService"
                        : failure instanceof UnknownLength
                                ? "unknownLength"
                                : failure instanceof UnknownTherapist
                                        ? "unknownTherapist"
                                        : failure instanceof UnknownPatient ? "unknownPatient" : null;
        if (code == null) {
            throw failure;
        }
        return problem(422, code, locale);
    }

    private ProblemDetail slotTaken(SlotTaken taken, Locale locale) {
        ProblemDetail problem = problem(409, "slotTaken", locale);
        List<SlotJson> alternatives =
                taken.alternatives().stream().map(SlotJson::of).toList();
        problem.setProperty("alternatives", alternatives);
        return problem;
    }

    private ProblemDetail withState(AppointmentStateConflict conflict, Locale locale) {
        String code = conflict instanceof AppointmentNotStarted
                ? "notStarted"
                : conflict instanceof AppointmentChangedMeanwhile ? "changedMeanwhile" : "wrongState";
        ProblemDetail problem = problem(409, code, locale);
        problem.setProperty("currentStatus", conflict.current().name());
        return problem;
    }

    private ProblemDetail problem(int status, String code, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:relief:booking:" + code));
        problem.setTitle(messages.getMessage("booking.problem." + code, null, locale));
        return problem;
    }

    /** A slot as JSON; {@code secondTherapistId} is null unless two therapists give the service (a couples massage). */
    record SlotJson(Instant start, Instant end, UUID therapistId, UUID secondTherapistId) {

        static SlotJson of(Slot slot) {
            return new SlotJson(
                    slot.start(),
                    slot.end(),
                    slot.therapistId(),
                    slot.secondTherapistId().orElse(null));
        }
    }
}
