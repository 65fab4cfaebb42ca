package clinic.relief.outcomes;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The relief guarantee was already claimed for this appointment (one voucher per appointment) or redeemed. */
@ResponseStatus(HttpStatus.CONFLICT)
public class GuaranteeAlreadyClaimed extends RuntimeException {

    public GuaranteeAlreadyClaimed(UUID appointmentId) {
        super("The relief guarantee was already claimed for appointment " + appointmentId);
    }
}
