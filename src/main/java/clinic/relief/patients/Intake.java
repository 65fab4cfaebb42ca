package clinic.relief.patients;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * The health history a patient gives before a first session, and their consent to treatment and to the privacy
 * notice. Health data: shown to therapists and the owner only, never logged, mailed or put in a calendar.
 */
public record Intake(
        @Size(max = 2000) String conditions,
        @Size(max = 2000) String medications,
        @Size(max = 2000) String allergies,
        @Size(max = 2000) String recentSurgery,
        boolean pregnant,
        @AssertTrue(message = "{patients.consent.required}") boolean consentToTreatment,
        @AssertTrue(message = "{patients.privacy.required}") boolean acceptsPrivacyNotice) {}
