package clinic.relief.workspace.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import clinic.relief.booking.AppointmentView;

/**
 * The version a grid or panel saw of an appointment: a digest of everything a move or an action depends on (status,
 * start, length, therapist, room). Two pages drawn from the same state carry the same token on every instance of the
 * app; any change by anyone gives another, so an action carried over from an older page is refused as stale.
 */
final class Tokens {

    private Tokens() {}

    static String of(AppointmentView a) {
        String state = a.status() + "|" + a.start() + "|" + a.minutes() + "|"
                + a.therapist().id() + "|" + a.room();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static boolean matches(AppointmentView a, String token) {
        return of(a).equals(token);
    }
}
