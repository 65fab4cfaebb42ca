package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The patient has no coverage in force on the date of service. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class NoCoverage extends RuntimeException {

    public NoCoverage(UUID patientId, LocalDate date) {
        super("No coverage for patient " + patientId + " on " + date);
    }
}
