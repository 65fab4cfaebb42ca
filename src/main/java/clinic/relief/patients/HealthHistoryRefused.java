package clinic.relief.patients;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in user may not read this patient's health history (front desk, or a therapist not treating them). */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class HealthHistoryRefused extends RuntimeException {

    public HealthHistoryRefused(UUID patientId) {
        super("Health history of patient " + patientId + " refused");
    }
}
