package clinic.relief.payments;

import java.util.List;

import clinic.relief.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Why the desk's checkout refused an action, as a message code ({@code payments.checkout.problem.*}) with its
 * arguments: bad input is a 422, a checkout changed meanwhile (another click) a 409, a visit without an invoice a
 * 404. Nothing was changed and nothing was charged.
 */
public class CheckoutProblem extends ResponseStatusException {

    private final String code;
    private final List<Object> args;

    CheckoutProblem(HttpStatus status, String code, Object... args) {
        super(status, code);
        this.code = code;
        this.args = List.of(args);
    }

    static CheckoutProblem invalid(String code, Object... args) {
        return new CheckoutProblem(HttpStatus.UNPROCESSABLE_CONTENT, "payments.checkout.problem." + code, args);
    }

    /** Nothing is owed any more: paid meanwhile (another desk, the invoice page). */
    static CheckoutProblem alreadyPaid() {
        return new CheckoutProblem(HttpStatus.CONFLICT, "payments.checkout.problem.alreadyPaid");
    }

    /** Another card charge of the invoice (a fee's, a membership month's) is waiting for Stripe's answer. */
    static CheckoutProblem underWayElsewhere(Money underWay) {
        return new CheckoutProblem(HttpStatus.CONFLICT, "payments.checkout.problem.underWayElsewhere", underWay);
    }

    static CheckoutProblem changed() {
        return new CheckoutProblem(HttpStatus.CONFLICT, "payments.checkout.problem.changed");
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
