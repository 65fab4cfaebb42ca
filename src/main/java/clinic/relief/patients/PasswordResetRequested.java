package clinic.relief.patients;

import java.time.Duration;

/**
 * A confirmed account's owner asked for a new password: the single-use link with {@code token} must reach
 * {@code email}. Published inside the request's transaction, so a listener that queues the e-mail commits with it.
 */
public record PasswordResetRequested(
        String email, String firstName, String language, String token, Duration validFor) {}
