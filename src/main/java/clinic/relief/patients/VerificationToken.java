package clinic.relief.patients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret for an e-mailed link: 256 random bits, URL-safe. Only its SHA-256 {@link #hash} is stored, so a copy of
 * the database opens no link.
 */
public record VerificationToken(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static VerificationToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new VerificationToken(value, hash(value));
    }

    /** The stored form of a token someone presents; any string (even a forged one) has one. */
    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
