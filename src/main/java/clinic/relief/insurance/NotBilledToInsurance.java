package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The service is not one the clinic bills to insurance. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class NotBilledToInsurance extends RuntimeException {

    public NotBilledToInsurance(String serviceId) {
        super("Service " + serviceId + " is not billed to insurance");
    }
}
