package clinic.relief.payments;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An expected payments failure shown to people by its message code ({@code payments.problem.*}): payments are
 * manual (422), the policy was not accepted (422), a fee is no longer in a state that allows the change (409),
 * Stripe did not answer (502).
 */
public class PaymentsFailure extends ResponseStatusException {

    private final String code;

    PaymentsFailure(String code) {
        super(statusOf(code), code);
        this.code = code;
    }

    PaymentsFailure(String code, Throwable cause) {
        super(statusOf(code), code, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    private static HttpStatus statusOf(String code) {
        return switch (code) {
            case "payments.problem.stripe", "payments.fee.depositNotRefunded" -> HttpStatus.BAD_GATEWAY;
            case "payments.problem.feeState", "payments.deposit.ended" -> HttpStatus.CONFLICT;
            case "payments.problem.unknownFee", "payments.deposit.unknown", "payments.deposit.badLink" ->
                HttpStatus.NOT_FOUND;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
