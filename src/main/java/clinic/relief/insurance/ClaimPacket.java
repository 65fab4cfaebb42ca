package clinic.relief.insurance;

import java.util.Objects;
import java.util.Optional;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import org.jspecify.annotations.Nullable;

/**
 * Everything one claim form or 837P claim needs: the claim, the patient, the coverage, the prescription (null when
 * none was valid on the date of service), the rendering therapist, the billing provider, and for a claim sent
 * again its resubmission (corrected or void, with the payer's claim number).
 */
public record ClaimPacket(
        Claim claim,
        Patient patient,
        Coverage coverage,
        @Nullable Prescription prescription,
        Rendering rendering,
        ClinicProfile.Billing billing,
        Optional<Resubmission> resubmission) {

    /** An original claim (CLM05-3 = 1). */
    public ClaimPacket(
            Claim claim,
            Patient patient,
            Coverage coverage,
            @Nullable Prescription prescription,
            Rendering rendering,
            ClinicProfile.Billing billing) {
        this(claim, patient, coverage, prescription, rendering, billing, Optional.empty());
    }

    public ClaimPacket {
        Objects.requireNonNull(resubmission, "resubmission");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(rendering, "rendering");
        Objects.requireNonNull(billing, "billing");
    }

    /**
     * The therapist who gave the session as claims name them: legal first and last name and credential (CMT, LMT)
     * as separate fields, their own NPI if they have one, their state license number, and the taxonomy code they
     * render under (the clinic's when they have none of their own).
     */
    public record Rendering(
            String firstName,
            String lastName,
            @Nullable Npi npi,
            @Nullable String licenseNumber,
            String credential,
            String taxonomy) {

        public Rendering {
            firstName = firstName == null ? "" : firstName.strip();
            lastName = lastName == null ? "" : lastName.strip();
            credential = credential == null ? "" : credential.strip();
            Objects.requireNonNull(taxonomy, "taxonomy");
        }

        /**
         * Reads a display name the way people write it: "James Okafor, CMT" is first name James, last name Okafor,
         * credential CMT (what follows the first comma is the credential; the last word before it the last name).
         */
        static Rendering of(String displayName, @Nullable Npi npi, @Nullable String licenseNumber, String taxonomy) {
            String name = displayName == null ? "" : displayName.strip();
            String credential = "";
            int comma = name.indexOf(',');
            if (comma >= 0) {
                credential = name.substring(comma + 1).strip();
                name = name.substring(0, comma).strip();
            }
            int space = name.lastIndexOf(' ');
            return space < 0
                    ? new Rendering("", name, npi, licenseNumber, credential, taxonomy)
                    : new Rendering(
                            name.substring(0, space),
                            name.substring(space + 1),
                            npi,
                            licenseNumber,
                            credential,
                            taxonomy);
        }

        Rendering withTaxonomy(String code) {
            return new Rendering(firstName, lastName, npi, licenseNumber, credential, code);
        }

        /** The name with its credential, as the claim form's signature box shows it ("James Okafor, CMT"). */
        public String fullName() {
            String name = (firstName + " " + lastName).strip();
            return credential.isEmpty() ? name : name + ", " + credential;
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

    /** The claim frequency code (CLM05-3): 1 original, 7 corrected, 8 void. */
    public String frequency() {
        return resubmission.map(r -> r.kind().frequency()).orElse("1");
    }

    public boolean patientIsSubscriber() {
        return coverage.subscriber().relationship() == Relationship.SELF;
    }
}
