package clinic.relief.staff;

/**
 * An uploaded photo that is not stored, with the reason as a short code: {@code empty}, {@code tooLarge} (over
 * {@link TherapistPhotos#MAX_BYTES}), {@code type} (not a JPEG, PNG or WebP by its content), {@code dimensions}
 * (sides outside {@link TherapistPhotos#MIN_SIDE}..{@link TherapistPhotos#MAX_SIDE} pixels) or {@code unreadable}
 * (claims to be an image but does not decode).
 */
public class PhotoRefused extends RuntimeException {

    private final String reason;

    public PhotoRefused(String reason) {
        super("Photo refused: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
