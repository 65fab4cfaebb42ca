package clinic.relief.insurance;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The owner's form for a therapist's identity on claims: legal first and last name, credential (CMT, LMT), and
 * optionally their own 10-digit NPI (check digit verified) and taxonomy code (for example 225700000X, massage
 * therapist). Blank NPI or taxonomy: the therapist bills under the clinic's.
 */
public record RenderingProviderForm(
        @NotBlank(message = "{insurance.form.required}") @Size(max = 35, message = "{insurance.therapist.tooLong}")
        String firstName,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 60, message = "{insurance.therapist.tooLong}")
        String lastName,

        @Pattern(regexp = "[A-Za-z.\\- ]{0,20}", message = "{insurance.therapist.credential}")
        String credential,

        @Pattern(regexp = "[0-9]{10}", message = "{insurance.therapist.npi}")
        String npi,

        @Pattern(regexp = "[0-9]{3}[0-9A-Z]{6}X", message = "{insurance.therapist.taxonomy}")
        String taxonomy) {

    public RenderingProviderForm {
        firstName = strip(firstName);
        lastName = strip(lastName);
        credential = strip(credential);
        npi = strip(npi);
        taxonomy =
                taxonomy == null || taxonomy.isBlank() ? null : taxonomy.strip().toUpperCase();
    }

    static RenderingProviderForm of(ClaimPacket.Rendering r) {
        return new RenderingProviderForm(
                r.firstName(),
                r.lastName(),
                r.credential(),
                r.npi() == null ? null : r.npi().value(),
                r.taxonomy());
    }

    /** An NPI whose check digit is wrong is refused with the same message as a malformed one. */
    @AssertTrue(message = "{insurance.therapist.npi}")
    public boolean isNpiValid() {
        if (npi == null || !npi.matches("[0-9]{10}")) {
            return true;
        }
        try {
            new Npi(npi);
            return true;
        } catch (InvalidCode wrongCheckDigit) {
            return false;
        }
    }

    RenderingProvider provider(UUID therapistId) {
        return new RenderingProvider(
                therapistId,
                firstName,
                lastName,
                credential == null ? "" : credential,
                Optional.ofNullable(npi).map(Npi::new),
                Optional.ofNullable(taxonomy));
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
