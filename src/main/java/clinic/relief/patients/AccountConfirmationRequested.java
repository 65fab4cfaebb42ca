package clinic.relief.patients;

import java.time.Duration;

/**
 * A patient signed up: the link with {@code token} must reach {@code email}. Published inside the sign-up
 * transaction, so a listener that queues the e-mail commits or rolls back with it.
 */
public record AccountConfirmationRequested(
        String email, String firstName, String language, String token, Duration validFor) {}
