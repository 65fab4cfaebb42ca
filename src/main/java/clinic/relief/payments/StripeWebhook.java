package clinic.relief.payments;

import java.time.Clock;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook: the {@code Stripe-Signature} is checked with the SDK (HMAC-SHA256 with the endpoint's secret,
 * five minutes' tolerance on the application clock) before anything is read; a bad or missing signature is a 400
 * and changes nothing. Exempt from CSRF (Stripe signs it instead) and open to everyone by {@code
 * PaymentsRequestRules}.
 */
@RestController
class StripeWebhook {

    static final String PATH = "/payments/stripe/webhook";

    private final PaymentSettings settings;
    private final StripeEvents events;
    private final Clock clock;

    StripeWebhook(PaymentSettings settings, StripeEvents events, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = "application/json")
    ResponseEntity<String> receive(
            @RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", defaultValue = "") String signature) {
        String secret = settings.stripe().webhookSecret();
        if (secret == null || secret.isBlank() || signature.isBlank()) {
            return ResponseEntity.badRequest().body("unsigned");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, Webhook.DEFAULT_TOLERANCE, clock);
        } catch (SignatureVerificationException | RuntimeException bad) {
            return ResponseEntity.badRequest().body("bad signature");
        }
        events.handle(event);
        return ResponseEntity.ok("ok");
    }
}
