package clinic.relief.patients;

import java.util.UUID;

/**
 * Whether a staff member treats a patient. The patients module asks this before a therapist may read a health
 * history; the module that knows appointments answers it (booking implements it), so patients needs no booking.
 */
public interface CareTeam {

    /** True when the staff member signed in as {@code staffEmail} has or had a (not cancelled) appointment with the patient. */
    boolean treats(String staffEmail, UUID patientId);
}
