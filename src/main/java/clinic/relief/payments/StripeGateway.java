package clinic.relief.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import com.stripe.model.terminal.Reader;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PayoutListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.stripe.param.terminal.ReaderProcessPaymentIntentParams;
import org.springframework.stereotype.Component;

/**
 * The calls the app makes to Stripe, through one {@link StripeClient} configured with the key and API address (no
 * global statics). Every call that creates something carries an idempotency key derived from what it is for, so a
 * repeated call (a retry, a sweep after a crash) gets Stripe's first answer back instead of a second charge.
 */
@Component
class StripeGateway {

    private final Optional<StripeClient> client;

    StripeGateway(PaymentSettings settings) {
        this.client = settings.stripe()
                .key()
                .map(key -> StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(settings.stripe().base())
                        .setConnectTimeout(10_000)
                        .setReadTimeout(30_000)
                        .build());
    }

    boolean enabled() {
        return client.isPresent();
    }

    private StripeClient stripe() {
        return client.orElseThrow(() -> new PaymentsFailure("payments.problem.manual"));
    }

    String createCustomer(UUID patientId) {
        try {
            return stripe().v1()
                    .customers()
                    .create(
                            CustomerCreateParams.builder()
                                    .putMetadata("patient_id", patientId.toString())
                                    .build(),
                            key("customer-" + patientId))
                    .getId();
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** A hosted Checkout page in setup mode that saves a card for the customer; its id and address. */
    Session startSetup(String customerId, UUID patientId, String successUrl, String cancelUrl, Locale locale) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .setCurrency("usd")
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setCustomer(customerId)
                .setClientReferenceId(patientId.toString())
                .putMetadata("patient_id", patientId.toString())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setLocale(
                        "es".equals(locale.getLanguage())
                                ? SessionCreateParams.Locale.ES
                                : SessionCreateParams.Locale.EN)
                .build();
        try {
            return stripe().v1().checkout().sessions().create(params, key("setup-" + UUID.randomUUID()));
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** The card a completed setup session saved, if the session is complete. */
    Optional<SavedCard> completedSetup(String sessionId) {
        try {
            Session session = stripe().v1()
                    .checkout()
                    .sessions()
                    .retrieve(
                            sessionId,
                            SessionRetrieveParams.builder()
                                    .addExpand("setup_intent.payment_method")
                                    .build());
            SetupIntent intent = session.getSetupIntentObject();
            if (!"complete".equals(session.getStatus()) || intent == null || intent.getPaymentMethodObject() == null) {
                return Optional.empty();
            }
            PaymentMethod method = intent.getPaymentMethodObject();
            PaymentMethod.Card card = method.getCard();
            return Optional.of(new SavedCard(
                    session.getCustomer(),
                    method.getId(),
                    card.getBrand(),
                    card.getLast4(),
                    card.getExpMonth().intValue(),
                    card.getExpYear().intValue()));
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    void detach(String paymentMethodId) {
        try {
            stripe().v1().paymentMethods().detach(paymentMethodId);
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /**
     * Charges a saved card with the patient away (off-session, confirmed at once). The same {@code idempotencyKey}
     * always gets the same answer from Stripe, never a second charge.
     */
    ChargeOutcome chargeOffSession(
            String customerId,
            String paymentMethodId,
            Money amount,
            String idempotencyKey,
            Map<String, String> metadata) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(cents(amount))
                .setCurrency("usd")
                .setCustomer(customerId)
                .setPaymentMethod(paymentMethodId)
                .setConfirm(true)
                .setOffSession(true)
                .putAllMetadata(metadata)
                .build();
        try {
            PaymentIntent intent = stripe().v1().paymentIntents().create(params, key(idempotencyKey));
            return outcome(intent);
        } catch (CardException e) {
            PaymentIntent intent =
                    e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            if ("authentication_required".equals(e.getCode()) && intent != null) {
                return new ChargeOutcome.NeedsAuthentication(intent.getId());
            }
            return new ChargeOutcome.Declined(e.getDeclineCode() != null ? e.getDeclineCode() : code(e));
        } catch (ApiConnectionException e) {
            return new ChargeOutcome.Unknown("connection");
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status == null || status >= 500 || status == 409 || status == 429) {
                return new ChargeOutcome.Unknown("status " + status);
            }
            return new ChargeOutcome.Declined(code(e));
        }
    }

    /** Stripe's answer to a refund: made (or on its way), refused with Stripe's code, or not known (no answer). */
    sealed interface RefundOutcome {
        record Made(String refundId, String status) implements RefundOutcome {}

        record Refused(String code) implements RefundOutcome {}

        record Unknown(String why) implements RefundOutcome {}
    }

    /**
     * Refunds part or all of a PaymentIntent's charge. The same {@code idempotencyKey} always gets the same answer
     * from Stripe, never a second refund.
     */
    RefundOutcome refund(String paymentIntentId, Money amount, String idempotencyKey, Map<String, String> metadata) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(cents(amount))
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putAllMetadata(metadata)
                .build();
        try {
            Refund refund = stripe().v1().refunds().create(params, key(idempotencyKey));
            return "failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())
                    ? new RefundOutcome.Refused(refund.getStatus())
                    : new RefundOutcome.Made(refund.getId(), refund.getStatus());
        } catch (InvalidRequestException e) {
            return new RefundOutcome.Refused(code(e));
        } catch (ApiConnectionException e) {
            return new RefundOutcome.Unknown("connection");
        } catch (StripeException e) {
            return new RefundOutcome.Unknown("status " + e.getStatusCode());
        }
    }

    // ---- membership dues: a payment the bank wants the patient to authenticate

    /** What confirming a PaymentIntent with the patient present gave: done, or a page of the bank to send them to. */
    sealed interface Confirmation {
        record Charged(ChargeOutcome outcome) implements Confirmation {}

        record Redirect(String url) implements Confirmation {}
    }

    /**
     * Confirms a PaymentIntent with the patient present, asking Stripe to send them to their bank's authentication
     * page and back to {@code returnUrl}. The same {@code idempotencyKey} gets the same answer.
     */
    Confirmation confirmWithPatient(
            String paymentIntentId, String paymentMethodId, String returnUrl, String idempotencyKey) {
        PaymentIntentConfirmParams params = PaymentIntentConfirmParams.builder()
                .setPaymentMethod(paymentMethodId)
                .setReturnUrl(returnUrl)
                .build();
        try {
            PaymentIntent intent = stripe().v1().paymentIntents().confirm(paymentIntentId, params, key(idempotencyKey));
            if ("requires_action".equals(intent.getStatus())
                    && intent.getNextAction() != null
                    && intent.getNextAction().getRedirectToUrl() != null) {
                return new Confirmation.Redirect(
                        intent.getNextAction().getRedirectToUrl().getUrl());
            }
            return new Confirmation.Charged(outcome(intent));
        } catch (CardException e) {
            return new Confirmation.Charged(
                    new ChargeOutcome.Declined(e.getDeclineCode() != null ? e.getDeclineCode() : code(e)));
        } catch (StripeException e) {
            return new Confirmation.Charged(new ChargeOutcome.Unknown("status " + e.getStatusCode()));
        }
    }

    /** What came of cancelling a PaymentIntent that waits for the patient. */
    enum Cancellation {
        /** Cancelled (now or before): nothing can be paid with it any more. */
        CANCELLED,
        /** It had succeeded: the patient paid. */
        SUCCEEDED,
        /** No answer, or a state that is neither: nothing is known to have changed. */
        UNKNOWN
    }

    /** Cancels a PaymentIntent left waiting (for the patient's authentication); Stripe refuses one that succeeded. */
    Cancellation cancel(String paymentIntentId, String idempotencyKey) {
        try {
            PaymentIntent intent = stripe().v1()
                    .paymentIntents()
                    .cancel(
                            paymentIntentId,
                            PaymentIntentCancelParams.builder()
                                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                    .build(),
                            key(idempotencyKey));
            return "canceled".equals(intent.getStatus()) ? Cancellation.CANCELLED : Cancellation.UNKNOWN;
        } catch (InvalidRequestException refused) {
            // Not cancellable in its state: already cancelled, or succeeded.
            try {
                String status =
                        stripe().v1().paymentIntents().retrieve(paymentIntentId).getStatus();
                return switch (status) {
                    case "canceled" -> Cancellation.CANCELLED;
                    case "succeeded" -> Cancellation.SUCCEEDED;
                    default -> Cancellation.UNKNOWN;
                };
            } catch (StripeException e) {
                return Cancellation.UNKNOWN;
            }
        } catch (StripeException e) {
            return Cancellation.UNKNOWN;
        }
    }

    /** Stripe's current word on a PaymentIntent. */
    ChargeOutcome intent(String paymentIntentId) {
        try {
            return outcome(stripe().v1().paymentIntents().retrieve(paymentIntentId));
        } catch (StripeException e) {
            return new ChargeOutcome.Unknown("status " + e.getStatusCode());
        }
    }

    // ---- reconciliation: payouts and the balance transactions they contain

    /** A payout to the clinic's bank: its amount in cents and the day it arrives. */
    record StripePayout(String id, long amount, Instant arrival, String status) {}

    /**
     * A movement of the Stripe balance: a charge or refund (with the PaymentIntent or Refund id the app records),
     * a payout, or anything else; amounts, Stripe's fee and the net in cents.
     */
    record Movement(String id, String type, long amount, long fee, long net, String appReference, Instant created) {}

    /** Payouts arriving in {@code [from, to)}. */
    List<StripePayout> payouts(Instant from, Instant to) {
        PayoutListParams params = PayoutListParams.builder()
                .setArrivalDate(PayoutListParams.ArrivalDate.builder()
                        .setGte(from.getEpochSecond())
                        .setLt(to.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        try {
            List<StripePayout> payouts = new ArrayList<>();
            for (Payout payout : stripe().v1().payouts().list(params).autoPagingIterable()) {
                payouts.add(new StripePayout(
                        payout.getId(),
                        payout.getAmount(),
                        Instant.ofEpochSecond(payout.getArrivalDate()),
                        payout.getStatus()));
            }
            return payouts;
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** The balance transactions a payout paid out. */
    List<Movement> paidOutBy(String payoutId) {
        return movements(BalanceTransactionListParams.builder()
                .setPayout(payoutId)
                .addExpand("data.source")
                .setLimit(100L)
                .build());
    }

    /** Balance transactions created in {@code [from, to)}. */
    List<Movement> movements(Instant from, Instant to) {
        return movements(BalanceTransactionListParams.builder()
                .setCreated(BalanceTransactionListParams.Created.builder()
                        .setGte(from.getEpochSecond())
                        .setLt(to.getEpochSecond())
                        .build())
                .addExpand("data.source")
                .setLimit(100L)
                .build());
    }

    private List<Movement> movements(BalanceTransactionListParams params) {
        try {
            List<Movement> movements = new ArrayList<>();
            for (BalanceTransaction txn :
                    stripe().v1().balanceTransactions().list(params).autoPagingIterable()) {
                movements.add(new Movement(
                        txn.getId(),
                        txn.getType(),
                        txn.getAmount(),
                        txn.getFee(),
                        txn.getNet(),
                        reference(txn),
                        Instant.ofEpochSecond(txn.getCreated())));
            }
            return movements;
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** What the app records for a movement: a charge's PaymentIntent id, a refund's id, else the source's id. */
    private static String reference(BalanceTransaction txn) {
        Object source = txn.getSourceObject();
        if (source instanceof Charge charge && charge.getPaymentIntent() != null) {
            return charge.getPaymentIntent();
        }
        if (source instanceof Refund refund) {
            return refund.getId();
        }
        return txn.getSource() == null ? "" : txn.getSource();
    }

    // ---- Stripe Terminal, server-driven (the desk's card reader)

    /** What a reader is doing: its current action's type, status, PaymentIntent and failure code (empty when none). */
    record ReaderAction(String type, String status, String paymentIntentId, String failureCode) {}

    /** A card-present PaymentIntent for the reader to collect; its id. Same key, same PaymentIntent. */
    String createReaderIntent(Money amount, String idempotencyKey, Map<String, String> metadata) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(cents(amount))
                .setCurrency("usd")
                .addPaymentMethodType("card_present")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                .putAllMetadata(metadata)
                .build();
        try {
            return stripe().v1()
                    .paymentIntents()
                    .create(params, key(idempotencyKey))
                    .getId();
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** Asks the reader to collect and process the PaymentIntent; Stripe's error code when it refuses (busy, offline). */
    Optional<String> processOnReader(String readerId, String paymentIntentId, String idempotencyKey) {
        try {
            stripe().v1()
                    .terminal()
                    .readers()
                    .processPaymentIntent(
                            readerId,
                            ReaderProcessPaymentIntentParams.builder()
                                    .setPaymentIntent(paymentIntentId)
                                    .build(),
                            key(idempotencyKey));
            return Optional.empty();
        } catch (InvalidRequestException e) {
            return Optional.of(code(e));
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /** The reader's current action (polled while the desk waits; Stripe's webhooks say the same). */
    Optional<ReaderAction> readerAction(String readerId) {
        try {
            Reader reader = stripe().v1().terminal().readers().retrieve(readerId);
            return Optional.ofNullable(reader.getAction()).map(StripeGateway::action);
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    /**
     * Cancels the reader's current action (the desk took the payment another way), so it stops waiting for a card.
     * False when Stripe did not answer; a reader with no action left to cancel (it ended, or was cancelled before)
     * reads as cancelled. Whether its PaymentIntent was paid meanwhile is the PaymentIntent's cancellation to say.
     */
    boolean cancelReaderAction(String readerId, String idempotencyKey) {
        try {
            stripe().v1().terminal().readers().cancelAction(readerId, key(idempotencyKey));
            return true;
        } catch (InvalidRequestException nothingToCancel) {
            return true;
        } catch (StripeException e) {
            return false;
        }
    }

    /** A PaymentIntent as Stripe has it now. */
    PaymentIntent paymentIntent(String paymentIntentId) {
        try {
            return stripe().v1().paymentIntents().retrieve(paymentIntentId);
        } catch (StripeException e) {
            throw new PaymentsFailure("payments.problem.stripe", e);
        }
    }

    static ReaderAction action(Reader.Action action) {
        String intent = action.getProcessPaymentIntent() == null
                ? ""
                : String.valueOf(action.getProcessPaymentIntent().getPaymentIntent());
        return new ReaderAction(
                String.valueOf(action.getType()),
                String.valueOf(action.getStatus()),
                intent,
                action.getFailureCode() == null ? "" : action.getFailureCode());
    }

    private static ChargeOutcome outcome(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeOutcome.Succeeded(intent.getId());
            case "requires_action" -> new ChargeOutcome.NeedsAuthentication(intent.getId());
            case "processing" -> new ChargeOutcome.Unknown("processing");
            default ->
                new ChargeOutcome.Declined(
                        intent.getLastPaymentError() != null
                                        && intent.getLastPaymentError().getCode() != null
                                ? intent.getLastPaymentError().getCode()
                                : intent.getStatus());
        };
    }

    private static String code(StripeException e) {
        return e.getCode() == null ? "error" : e.getCode();
    }

    static long cents(Money amount) {
        return amount.amount().movePointRight(2).longValueExact();
    }

    static Money money(long cents) {
        return Money.ofCents(cents);
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
