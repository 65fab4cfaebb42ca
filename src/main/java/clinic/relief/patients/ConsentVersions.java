package clinic.relief.patients;

import java.util.Objects;

/**
 * The versions of the consent to treatment and of the privacy notice a patient agreed to: those the form showed them,
 * which an intake records.
 */
public record ConsentVersions(String consent, String privacy) {

    public ConsentVersions {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(privacy, "privacy");
    }

    /** As a form carries them in a hidden field, to tell at submit whether they are still the ones in effect. */
    public String shown() {
        return consent + "/" + privacy;
    }
}
