package clinic.relief.billing;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An expected billing failure: a payment larger than the balance, a credit already used, a membership in the wrong
 * state. Carries the HTTP status it answers with and a message code ({@code billing.problem.<code>}) with arguments.
 */
public class BillingFailure extends ResponseStatusException {

    private final HttpStatus status;
    private final String code;
    private final List<Object> args;

    public BillingFailure(HttpStatus status, String code, Object... args) {
        super(status, code + " " + List.of(args));
        this.status = status;
        this.code = code;
        this.args = List.of(args);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    static BillingFailure conflict(String code, Object... args) {
        return new BillingFailure(HttpStatus.CONFLICT, code, args);
    }

    static BillingFailure unprocessable(String code, Object... args) {
        return new BillingFailure(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }

    static BillingFailure notFound(String code, Object... args) {
        return new BillingFailure(HttpStatus.NOT_FOUND, code, args);
    }
}
