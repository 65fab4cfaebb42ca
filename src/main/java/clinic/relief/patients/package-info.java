/**
 * Patients: contact details found or created in a few keystrokes, and the intake with its recorded consent.
 */
@NullMarked
package clinic.relief.patients;

import org.jspecify.annotations.NullMarked;
