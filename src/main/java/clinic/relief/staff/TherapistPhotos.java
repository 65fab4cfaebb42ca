package clinic.relief.staff;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Therapists' photos, as the owner uploads them and patients see them. An upload is checked by its content (see
 * {@link PhotoImage}): JPEG, PNG or WebP only, at most {@link #MAX_BYTES}, sides between {@link #MIN_SIDE} and
 * {@link #MAX_SIDE} pixels; anything else is a {@link PhotoRefused} and changes nothing. Each stored photo carries a
 * tag, the SHA-256 of its bytes, used as its ETag and in its address.
 */
@Service
public class TherapistPhotos {

    /** The largest upload taken: 2 MB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4000;

    /** A stored photo: its bytes, their media type and their tag. */
    public record Photo(String contentType, byte[] bytes, String tag) {}

    private final PhotoStore store;
    private final StaffStore staff;
    private final Clock clock;

    TherapistPhotos(PhotoStore store, StaffStore staff, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.clock = clock;
    }

    /** Checks {@code upload} and makes it the therapist's photo, replacing any earlier one; returns its tag. */
    @Transactional
    public String replace(UUID therapist, byte[] upload, String by) {
        therapist(therapist);
        PhotoImage.Checked checked = PhotoImage.check(upload);
        String tag = sha256(checked.bytes());
        store.save(therapist, checked, tag, clock.instant(), by);
        return tag;
    }

    /** Removes the therapist's photo (the pages show their initial again); returns whether there was one. */
    @Transactional
    public boolean remove(UUID therapist) {
        therapist(therapist);
        return store.delete(therapist);
    }

    /** The photo of an active therapist, whether listed publicly or not (for the owner's pages). */
    @Transactional(readOnly = true)
    public Optional<Photo> find(UUID therapist) {
        return store.find(therapist);
    }

    /** The photo of a therapist listed on the public site; empty for anyone else. */
    @Transactional(readOnly = true)
    public Optional<Photo> listed(UUID therapist) {
        return staff.listedTherapists().stream().anyMatch(m -> m.id().equals(therapist))
                ? store.find(therapist)
                : Optional.empty();
    }

    private StaffMember therapist(UUID id) {
        return staff.find(id)
                .filter(m -> m.role() == StaffRole.THERAPIST)
                .orElseThrow(() -> new UnknownStaffMember(id));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
