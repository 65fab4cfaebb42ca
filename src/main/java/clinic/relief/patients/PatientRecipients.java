package clinic.relief.patients;

import java.util.Optional;
import java.util.UUID;

import clinic.relief.mail.Recipients;
import org.springframework.stereotype.Component;

/** Tells the mail module where a patient's e-mail goes. */
@Component
class PatientRecipients implements Recipients {

    private final Patients patients;

    PatientRecipients(Patients patients) {
        this.patients = patients;
    }

    @Override
    public Optional<String> emailOf(UUID patientId) {
        return Optional.ofNullable(patients.get(patientId).email());
    }
}
