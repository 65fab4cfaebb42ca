package clinic.relief.painmap;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Assessments are arriving faster than the database takes them; the caller may retry shortly. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class AssessmentsBusy extends RuntimeException {

    AssessmentsBusy(String message) {
        super(message);
    }
}
