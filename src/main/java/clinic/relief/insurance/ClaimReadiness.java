package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.outcomes.SignedNotes;
import clinic.relief.patients.Patient;
import org.springframework.stereotype.Component;

/**
 * What a claim still lacks before it may be ready and sent: service lines and diagnoses, the visit's signed note, a
 * date of service that has passed (the day is over in the clinic's zone), and the patient's date of birth and sex
 * (the 837P's DMG segment and CMS-1500 box 3). An empty answer means the claim is complete.
 */
@Component
class ClaimReadiness {

    private final SignedNotes notes;
    private final Clock clock;
    private final ZoneId zone;

    ClaimReadiness(SignedNotes notes, Clock clock, ClinicProfile clinic) {
        this.notes = notes;
        this.clock = clock;
        this.zone = clinic.zone();
    }

    List<ClaimGap> gaps(Claim claim, Patient patient, ClaimPacket.Rendering rendering) {
        List<ClaimGap> gaps = new ArrayList<>();
        if (claim.lines().isEmpty()) {
            gaps.add(ClaimGap.NO_LINES);
        }
        if (claim.diagnoses().isEmpty()) {
            gaps.add(ClaimGap.NO_DIAGNOSES);
        }
        if (!notes.signed(claim.facts().appointmentId())) {
            gaps.add(ClaimGap.NOTE_NOT_SIGNED);
        }
        if (!claim.facts().serviceDate().isBefore(LocalDate.now(clock.withZone(zone)))) {
            gaps.add(ClaimGap.SERVICE_DATE_NOT_PASSED);
        }
        if (patient.dateOfBirth() == null) {
            gaps.add(ClaimGap.PATIENT_BIRTH_DATE);
        }
        if (patient.sex() == null) {
            gaps.add(ClaimGap.PATIENT_SEX);
        }
        if (rendering.lastName().isBlank()) {
            gaps.add(ClaimGap.RENDERING_NAME);
        }
        return gaps;
    }
}
