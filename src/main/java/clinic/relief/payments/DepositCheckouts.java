package clinic.relief.payments;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.stereotype.Component;

/**
 * Stripe's hosted Checkout in payment mode, for deposits: open a page for one deposit (its idempotency key names
 * the deposit and the page's expiry, so a repeated call gets the same page), read where a page stands, and expire an
 * open page. Its own {@link StripeClient}, configured as {@link StripeGateway}'s.
 */
@Component
class DepositCheckouts {

    /** Where a Checkout page stands: {@code status} open, complete or expired; the PaymentIntent once paid. */
    record Page(String id, String url, String status, String paymentStatus, Optional<String> paymentIntentId) {

        boolean paid() {
            return "complete".equals(status) && "paid".equals(paymentStatus) && paymentIntentId.isPresent();
        }
    }

    private final Optional<StripeClient> client;

    DepositCheckouts(PaymentSettings settings) {
        this.client = settings.stripe()
                .key()
                .map(key -> StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(settings.stripe().base())
                        .setConnectTimeout(10_000)
                        .setReadTimeout(30_000)
                        .build());
    }

    private StripeClient stripe() {
        return client.orElseThrow(() -> new PaymentsFailure("payments.problem.manual"));
    }

    /**
     * Opens the page that pays {@code deposit}, expiring at {@code expiresAt} (at least 30 minutes ahead); a visitor's
     * page carries the address they gave ({@code payerEmail}).
     */
    Page open(
            Deposit deposit,
            String description,
            Instant expiresAt,
            String successUrl,
            String cancelUrl,
            Optional<String> payerEmail,
            Locale locale) {
        String id = deposit.id().toString();
        SessionCreateParams.Builder builder = SessionCreateParams.builder();
        // A visitor who is not signed in pays as the address they gave (Stripe's page shows it, and sends the receipt).
        payerEmail.ifPresent(builder::setCustomerEmail);
        SessionCreateParams params = builder.setMode(SessionCreateParams.Mode.PAYMENT)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("usd")
                                .setUnitAmount(StripeGateway.cents(deposit.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(description)
                                        .build())
                                .build())
                        .build())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("deposit_id", id)
                        .putMetadata("appointment_id", deposit.appointmentId().toString())
                        .build())
                .setClientReferenceId(
                        deposit.patientId().orElse(deposit.appointmentId()).toString())
                .putMetadata("deposit_id", id)
                .putMetadata("appointment_id", deposit.appointmentId().toString())
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setLocale(
                        "es".equals(locale.getLanguage())
                                ? SessionCreateParams.Locale.ES
                                : SessionCreateParams.Locale.EN)
                .build();
        try {
            Session session = stripe().v1()
                    .checkout()
                    .sessions()
                    .create(params, key("deposit-" + id + "-" + expiresAt.getEpochSecond()));
            return page(session);
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    Page page(String sessionId) {
        try {
            return page(stripe().v1().checkout().sessions().retrieve(sessionId));
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /**
     * Expires an open page so it can no longer be paid; where the page stands afterwards (complete, if the patient
     * paid first).
     */
    Page expire(String sessionId) {
        try {
            return page(stripe().v1().checkout().sessions().expire(sessionId));
        } catch (InvalidRequestException notOpen) {
            return page(sessionId);
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    private static Page page(Session session) {
        return new Page(
                session.getId(),
                session.getUrl() == null ? "" : session.getUrl(),
                session.getStatus(),
                session.getPaymentStatus(),
                Optional.ofNullable(session.getPaymentIntent()));
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
