package clinic.relief.insurance;

import java.util.Optional;
import java.util.UUID;

/**
 * A therapist's identity on claims as the owner keeps it: legal first and last name, credential, own NPI and
 * taxonomy code (either may be absent: the therapist then bills under the clinic's).
 */
record RenderingProvider(
        UUID therapistId,
        String firstName,
        String lastName,
        String credential,
        Optional<Npi> npi,
        Optional<String> taxonomy) {}
