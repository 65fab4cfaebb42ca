package clinic.relief.insurance;

import java.util.Objects;
import java.util.Optional;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import org.jspecify.annotations.Nullable;

/**
 * Everything one claim form or 837P claim needs: the claim, the patient, the coverage, the prescription (null when
 * none was valid on the date of service), the rendering therapist and the billing provider.
 */
public record ClaimPacket(
        Claim claim,
        Patient patient,
        Coverage coverage,
        @Nullable Prescription prescription,
        Rendering rendering,
        ClinicProfile.Billing billing) {

    public ClaimPacket {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(rendering, "rendering");
        Objects.requireNonNull(billing, "billing");
    }

    /** The therapist who gave the session: name, own NPI if they have one, and state license number. */
    public record Rendering(String firstName, String lastName, Npi npi, String licenseNumber) {

        static Rendering of(String displayName, Npi npi, String licenseNumber) {
            String name = displayName == null ? "" : displayName.strip();
            int space = name.lastIndexOf(' ');
            return space < 0
                    ? new Rendering("", name, npi, licenseNumber)
                    : new Rendering(name.substring(0, space), name.substring(space + 1), npi, licenseNumber);
        }

        public String fullName() {
            return (firstName + " " + lastName).strip();
        }
    }

    /** The rendering NPI when it differs from the billing NPI (only then do 24J and loop 2310B carry it). */
    public Optional<Npi> separateRenderingNpi() {
        return Optional.ofNullable(rendering.npi()).filter(npi -> !npi.value().equals(billing.npi()));
    }

    /** The prior authorization number, when the coverage has one covering the date of service. */
    public Optional<String> authorizationNumber() {
        Authorization auth = coverage.authorization();
        return auth != null && auth.covers(claim.facts().serviceDate()) ? Optional.of(auth.number()) : Optional.empty();
    }

    public boolean patientIsSubscriber() {
        return coverage.subscriber().relationship() == Relationship.SELF;
    }
}
