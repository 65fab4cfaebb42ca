package clinic.relief.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in account is not a confirmed patient account (the security rules make this rare). */
@ResponseStatus(HttpStatus.FORBIDDEN)
class NotAPatient extends RuntimeException {

    NotAPatient() {
        super("Not signed in as a confirmed patient");
    }
}
