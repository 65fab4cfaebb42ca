package clinic.relief.payments;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relief.payments}: Stripe's keys and address, how long the desk has to waive a fee before it is charged,
 * and the version of the card-on-file and cancellation policy patients accept. Without a secret key payments stay
 * manual.
 */
@ConfigurationProperties("relief.payments")
record PaymentSettings(Stripe stripe, Duration feeWaiveWindow, String policyVersion) {

    PaymentSettings {
        stripe = stripe == null ? new Stripe(null, null, null, null) : stripe;
        feeWaiveWindow = feeWaiveWindow == null ? Duration.ofHours(24) : feeWaiveWindow;
        policyVersion = policyVersion == null || policyVersion.isBlank() ? "2026-12-06" : policyVersion;
    }

    /** {@code relief.payments.stripe.*}; {@code apiBase} is Stripe's own unless set (the tests point it elsewhere). */
    record Stripe(
            @Nullable String secretKey,
            @Nullable String publishableKey,
            @Nullable String webhookSecret,
            @Nullable String apiBase) {

        Optional<String> key() {
            return Optional.ofNullable(secretKey).filter(k -> !k.isBlank());
        }

        String base() {
            return apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        }
    }
}
