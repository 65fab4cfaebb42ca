package clinic.relief.insurance;

import java.time.Instant;
import java.util.UUID;

/** What the payer said when the desk checked eligibility (by phone, portal or a 271), and who asked when. */
public record EligibilityCheck(
        UUID id,
        UUID coverageId,
        Instant checkedAt,
        String checkedBy,
        boolean active,
        Integer visitsLeft,
        String reference,
        String note) {}
