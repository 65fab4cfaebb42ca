package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The clinic profile has no billing provider, so this clinic makes no insurance claims. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NoInsuranceBilling extends RuntimeException {

    public NoInsuranceBilling() {
        super("This clinic bills no insurer (no billing section in the clinic profile)");
    }
}
