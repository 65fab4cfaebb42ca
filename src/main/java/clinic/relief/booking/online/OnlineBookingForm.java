package clinic.relief.booking.online;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import clinic.relief.patients.ConsentVersions;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The online booking form: contact details, the intake and consent, whether the patient wants text reminders (unticked
 * unless they tick it), the chosen slot carried along, and the time zone the browser reports (filled in by
 * {@code site.js}; kept with a text consent for the quiet hours, ignored unless it names a known zone).
 */
record OnlineBookingForm(
        @NotBlank(message = "{patients.firstName.required}") @Size(max = 80)
        String firstName,

        @NotBlank(message = "{patients.lastName.required}") @Size(max = 80)
        String lastName,

        @NotBlank(message = "{patients.phone.invalid}")
        @Pattern(regexp = "^$|[0-9 ()+.-]{7,30}", message = "{patients.phone.invalid}")
        String phone,

        @NotBlank(message = "{patients.email.invalid}") @Email(message = "{patients.email.invalid}") @Size(max = 254)
        String email,

        @NotNull(message = "{patients.dateOfBirth.required}")
        @Past(message = "{patients.dateOfBirth.past}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dateOfBirth,

        @Size(max = 2000) String conditions,
        @Size(max = 2000) String medications,
        @Size(max = 2000) String allergies,
        @Size(max = 2000) String recentSurgery,
        Boolean pregnant,
        @AssertTrue(message = "{patients.consent.required}") Boolean consentToTreatment,
        @AssertTrue(message = "{patients.privacy.required}") Boolean acceptsPrivacyNotice,
        Boolean wantsTexts,
        @NotBlank String choice,
        @NotBlank String slot,
        String assessment,
        @NotBlank @Size(max = 100) String requestId,
        @Size(max = 64) String timeZone,
        @Size(max = 50) String documentVersions) {

    /** An unticked check box sends nothing: that means no. */
    OnlineBookingForm {
        pregnant = Boolean.TRUE.equals(pregnant);
        consentToTreatment = Boolean.TRUE.equals(consentToTreatment);
        acceptsPrivacyNotice = Boolean.TRUE.equals(acceptsPrivacyNotice);
        wantsTexts = Boolean.TRUE.equals(wantsTexts);
    }

    static OnlineBookingForm start(String choice, String slot, String assessment, String requestId) {
        return new OnlineBookingForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                false,
                choice,
                slot,
                assessment,
                requestId,
                null,
                null);
    }

    /**
     * The same form opened with a returning patient's current health history filled in; consent is asked again
     * every time.
     */
    OnlineBookingForm withHealthHistory(Intake current) {
        return new OnlineBookingForm(
                firstName,
                lastName,
                phone,
                email,
                dateOfBirth,
                current.conditions(),
                current.medications(),
                current.allergies(),
                current.recentSurgery(),
                current.pregnant(),
                false,
                false,
                wantsTexts,
                choice,
                slot,
                assessment,
                requestId,
                timeZone,
                documentVersions);
    }

    /**
     * Whether the patient cannot be shown to have read the consent and privacy texts in effect: the form's hidden
     * field names other versions (they changed since the page was shown), or is missing or blank (nothing says which
     * texts the page linked, so agreeing to those in effect would be assumed, not given).
     */
    boolean documentsChanged(ConsentVersions inEffect) {
        return documentVersions == null || !documentVersions.equals(inEffect.shown());
    }

    /** The same form with its consent boxes unticked, for a patient who must read the changed texts again. */
    OnlineBookingForm withoutConsent() {
        return new OnlineBookingForm(
                firstName,
                lastName,
                phone,
                email,
                dateOfBirth,
                conditions,
                medications,
                allergies,
                recentSurgery,
                pregnant,
                false,
                false,
                wantsTexts,
                choice,
                slot,
                assessment,
                requestId,
                timeZone,
                null);
    }

    private static final Set<String> CONTACT = Set.of("firstName", "lastName", "phone", "email", "dateOfBirth");

    /** Errors other than in the contact details (which a signed-in patient does not give). */
    static boolean hasNonContactErrors(BindingResult errors) {
        return errors.getFieldErrors().stream().anyMatch(error -> !CONTACT.contains(error.getField()))
                || errors.hasGlobalErrors();
    }

    NewPatient patient(String language) {
        return new NewPatient(firstName, lastName, phone, email, dateOfBirth, language);
    }

    Intake intake() {
        return new Intake(
                conditions, medications, allergies, recentSurgery, pregnant, consentToTreatment, acceptsPrivacyNotice);
    }

    /** The pain finder assessment id, if one came along and is a well-formed id; kept opaque. */
    UUID assessmentId() {
        try {
            return assessment == null || assessment.isBlank() ? null : UUID.fromString(assessment);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
