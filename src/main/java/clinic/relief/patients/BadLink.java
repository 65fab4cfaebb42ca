package clinic.relief.patients;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** An e-mailed link that cannot be used: unknown (or forged), already used, or expired. Nothing was changed. */
public class BadLink extends RuntimeException {

    /** Why the link cannot be used. */
    public enum Reason {
        UNKNOWN,
        USED,
        EXPIRED
    }

    private final Reason reason;

    public BadLink(Reason reason) {
        super("Link " + reason.name().toLowerCase(Locale.ROOT));
        this.reason = reason;
    }

    /** Refuses a link already used or past its expiry at {@code now}. */
    static void requireUsable(OffsetDateTime usedAt, OffsetDateTime expiresAt, Instant now) {
        if (usedAt != null) {
            throw new BadLink(Reason.USED);
        }
        if (!now.isBefore(expiresAt.toInstant())) {
            throw new BadLink(Reason.EXPIRED);
        }
    }

    public Reason reason() {
        return reason;
    }

    /** 404 for a link that never existed, 410 for one that did and is spent. */
    public int status() {
        return reason == Reason.UNKNOWN ? 404 : 410;
    }
}
