package clinic.relief.insurance;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The appointment was a free follow-up (the relief guarantee's voucher paid it): no payer is billed for it. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class FreeFollowUpNotBilled extends RuntimeException {

    public FreeFollowUpNotBilled(UUID appointmentId) {
        super("Appointment " + appointmentId + " was a free follow-up");
    }
}
