/**
 * Patients: contact details found or created in a few keystrokes, and the intake with its recorded consent.
 */
package clinic.relief.patients;
