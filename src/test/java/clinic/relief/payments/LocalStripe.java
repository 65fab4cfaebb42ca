package clinic.relief.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Stripe for the tests, speaking Stripe's protocol (as published in its OpenAPI document, {@code
 * stripe/openapi}) for the calls the app makes: form-encoded requests with bracketed keys, JSON objects with their
 * {@code object} and id prefixes, Stripe's error JSON ({@code type}, {@code code}, {@code decline_code}, {@code
 * param}, the failed {@code payment_intent}), {@code Idempotency-Key} honoured (the same key gets the same answer,
 * marked {@code Idempotent-Replayed}, and charges nothing again; with other parameters it is an {@code
 * idempotency_error}), {@code expand[]}, Stripe's test cards, hosted Checkout pages in setup and payment mode that
 * redirect back to {@code success_url}, and events signed as Stripe signs webhooks ({@code t=...,v1=} HMAC-SHA256 of
 * {@code t.payload}). One server per test JVM, on a free local port; every object lives in memory.
 */
final class LocalStripe {

    static final String SECRET_KEY = "sk_test_relief_local";
    static final String PUBLISHABLE_KEY = "pk_test_relief_local";
    static final String WEBHOOK_SECRET = "whsec_relief_local_signing_secret";

    /** Stripe's test cards by number: what each does. */
    enum TestCard {
        VISA("4242424242424242", "visa", "4242", "pm_card_visa"),
        DECLINED("4000000000000002", "visa", "0002", "pm_card_chargeDeclined"),
        AUTHENTICATION("4000002500003155", "visa", "3155", "pm_card_authenticationRequired"),
        INSUFFICIENT_FUNDS("4000000000009995", "visa", "9995", "pm_card_chargeDeclinedInsufficientFunds");

        final String number;
        final String brand;
        final String last4;
        final String shortcut;

        TestCard(String number, String brand, String last4, String shortcut) {
            this.number = number;
            this.brand = brand;
            this.last4 = last4;
            this.shortcut = shortcut;
        }

        static Optional<TestCard> byNumber(String number) {
            for (TestCard card : values()) {
                if (card.number.equals(number.replace(" ", ""))) {
                    return Optional.of(card);
                }
            }
            return Optional.empty();
        }
    }

    /** A signed webhook delivery: the body and its {@code Stripe-Signature} header. */
    record Delivery(String payload, String signature) {}

    private static LocalStripe instance;

    private final HttpServer server;
    private final Gson gson = new GsonBuilder().serializeNulls().create();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    private final Map<String, TestCard> cards = new ConcurrentHashMap<>();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicInteger dropResponses = new AtomicInteger();
    private volatile Clock clock = Clock.fixed(Instant.parse("2026-12-14T17:00:00Z"), ZoneOffset.UTC);

    private record Stored(String fingerprint, int status, String body) {}

    private record Answer(int status, Object body) {}

    private LocalStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        // Several requests at once: a webhook being delivered may make the app call back (a refund, a retrieve).
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-stripe");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        for (TestCard card : TestCard.values()) {
            Map<String, Object> method = paymentMethod(card.shortcut, card, null);
            objects.put(card.shortcut, method);
        }
    }

    /** The one local Stripe of this JVM, started on first use. */
    static synchronized LocalStripe get() {
        if (instance == null) {
            try {
                instance = new LocalStripe();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the local Stripe", e);
            }
        }
        return instance;
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stripe's clock for {@code created} and webhook timestamps: the application's, in the tests. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Successful charges made so far (a replayed idempotent request makes none). */
    int charges() {
        return charges.get();
    }

    /** Successful charges of one customer. */
    long chargesOf(String customerId) {
        return objects.values().stream()
                .filter(o -> "payment_intent".equals(o.get("object")))
                .filter(o -> customerId.equals(o.get("customer")))
                .filter(o -> "succeeded".equals(o.get("status")))
                .count();
    }

    /** The next {@code count} API answers are computed and kept, then the connection is closed without them. */
    void dropNextResponses(int count) {
        dropResponses.set(count);
    }

    Optional<Map<String, Object>> object(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    /** Events of a type, oldest first. */
    List<Map<String, Object>> events(String type) {
        return events.stream().filter(e -> type.equals(e.get("type"))).toList();
    }

    /** An event's JSON, signed at the given moment exactly as Stripe signs webhook deliveries. */
    Delivery sign(Map<String, Object> event, Instant at) {
        String payload = gson.toJson(event);
        return new Delivery(payload, signature(payload, at.getEpochSecond(), WEBHOOK_SECRET));
    }

    static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } finally {
            flushWebhooks();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (path.startsWith("/c/pay/") && path.endsWith("/authenticate")) {
                authenticate(
                        exchange, path.substring("/c/pay/".length(), path.length() - "/authenticate".length()), body);
                return;
            }
            if (path.startsWith("/c/pay/")) {
                hosted(exchange, path.substring("/c/pay/".length()), body);
                return;
            }
            if (path.startsWith(THREE_D_SECURE)) {
                threeDSecure(exchange, path.substring(THREE_D_SECURE.length()), body);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, Object> params = StripeForm.parse("GET".equals(exchange.getRequestMethod()) ? query : body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Answer answer;
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean replayed = false;
            if (!("Bearer " + SECRET_KEY).equals(auth)) {
                answer = error(401, "invalid_request_error", null, null, "Invalid API Key provided.", null, null);
            } else if (key != null && "POST".equals(exchange.getRequestMethod())) {
                String fingerprint = path + "?" + new TreeMap<>(params);
                Stored stored;
                synchronized (idempotent) {
                    stored = idempotent.get(key);
                    if (stored == null) {
                        Answer fresh = route(exchange.getRequestMethod(), path, params, key);
                        stored = new Stored(fingerprint, fresh.status(), gson.toJson(fresh.body()));
                        idempotent.put(key, stored);
                    } else {
                        replayed = true;
                    }
                }
                if (!stored.fingerprint().equals(fingerprint)) {
                    answer = error(
                            400,
                            "idempotency_error",
                            null,
                            null,
                            "Keys for idempotent requests can only be used with the same parameters they were first"
                                    + " used with.",
                            null,
                            null);
                    replayed = false;
                } else {
                    answer = new Answer(stored.status(), stored.body());
                }
            } else {
                answer = route(exchange.getRequestMethod(), path, params, key);
            }
            if (dropResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return; // closed without an answer: the client sees a broken connection
            }
            String json = answer.body() instanceof String s ? s : gson.toJson(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", id("req_"));
            if (replayed) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            send(exchange, answer.status(), json);
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer route(String method, String path, Map<String, Object> params, String key) {
        String[] parts = path.substring(1).split("/");
        String route = method + " " + path.replaceAll("/(cus|cs|pm|pi|seti|re)_[A-Za-z0-9_]+", "/{id}");
        String id = parts.length > 2 ? parts[parts.length - 1] : "";
        Answer cancelledAction = cancelReaderAction(method, path);
        if (cancelledAction != null) {
            return cancelledAction;
        }
        Answer terminal = terminal(method, path, params);
        if (terminal != null) {
            return terminal;
        }
        Answer cancelled = cancelIntent(method, path, params);
        if (cancelled != null) {
            return cancelled;
        }
        return switch (route) {
            case "POST /v1/customers" -> ok(customer(params));
            case "GET /v1/customers/{id}" -> retrieve(id, "customer", params);
            case "POST /v1/checkout/sessions" -> createSession(params);
            case "GET /v1/checkout/sessions/{id}" -> {
                expireIfDue(objects.get(id));
                yield retrieve(id, "checkout.session", params);
            }
            case "POST /v1/checkout/sessions/{id}/expire" ->
                unreachableExpiry
                        ? error(500, "api_error", null, null, "Stripe is unreachable.", null, null)
                        : expire(parts[3]);
            case "GET /v1/payment_methods/{id}" -> retrieve(id, "payment_method", params);
            case "POST /v1/payment_methods/{id}/detach" -> detach(parts[2]);
            case "POST /v1/payment_intents" -> createIntent(params, key);
            case "GET /v1/payment_intents/{id}" -> retrieve(id, "payment_intent", params);
            case "POST /v1/payment_intents/{id}/confirm" -> countedConfirm(parts[2], params);
            case "GET /v1/balance_transactions" -> listBalance(params);
            case "GET /v1/payouts" -> listPayouts(params);
            case "POST /v1/refunds" -> createRefund(params);
            case "GET /v1/refunds/{id}" -> retrieve(id, "refund", params);
            default ->
                error(
                        404,
                        "invalid_request_error",
                        null,
                        null,
                        "Unrecognized request URL (" + method + ": " + path + ").",
                        null,
                        null);
        };
    }

    // ---- resources

    private Map<String, Object> customer(Map<String, Object> params) {
        Map<String, Object> customer = base("cus_", "customer");
        customer.put("email", params.get("email"));
        customer.put("name", params.get("name"));
        customer.put("metadata", params.getOrDefault("metadata", Map.of()));
        customer.put("balance", 0);
        customer.put("currency", null);
        customer.put("delinquent", false);
        customer.put("description", null);
        customer.put("invoice_settings", new LinkedHashMap<>(Map.of("custom_fields", List.of())));
        customer.put("preferred_locales", List.of());
        customer.put("tax_exempt", "none");
        return store(customer);
    }

    private Answer createSession(Map<String, Object> params) {
        String mode = String.valueOf(params.get("mode"));
        if (!List.of("setup", "payment").contains(mode)) {
            return error(
                    400,
                    "invalid_request_error",
                    "parameter_missing",
                    null,
                    "Missing required param: mode.",
                    "mode",
                    null);
        }
        if (params.get("success_url") == null) {
            return error(
                    400,
                    "invalid_request_error",
                    "parameter_missing",
                    null,
                    "Missing required param: success_url.",
                    "success_url",
                    null);
        }
        Object customer = params.get("customer");
        if (customer != null && !objects.containsKey(customer.toString())) {
            return error(
                    400,
                    "invalid_request_error",
                    "resource_missing",
                    null,
                    "No such customer: '" + customer + "'",
                    "customer",
                    null);
        }
        long now = clock.instant().getEpochSecond();
        long expiresAt;
        try {
            expiresAt = params.get("expires_at") == null
                    ? now + 24 * 3600
                    : Long.parseLong(String.valueOf(params.get("expires_at")));
        } catch (NumberFormatException e) {
            return error(
                    400,
                    "invalid_request_error",
                    null,
                    null,
                    "Invalid integer: " + params.get("expires_at"),
                    "expires_at",
                    null);
        }
        if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600) {
            return error(
                    400,
                    "invalid_request_error",
                    null,
                    null,
                    "The `expires_at` timestamp must be at least 30 minutes and at most 24 hours from Checkout"
                            + " Session creation.",
                    "expires_at",
                    null);
        }
        Map<String, Object> session = base("cs_test_", "checkout.session");
        intentData.put(session.get("id").toString(), params.getOrDefault("payment_intent_data", Map.of()));
        session.put("mode", mode);
        session.put("status", "open");
        session.put("customer", customer);
        session.put("client_reference_id", params.get("client_reference_id"));
        session.put("metadata", params.getOrDefault("metadata", Map.of()));
        session.put("success_url", params.get("success_url"));
        session.put("cancel_url", params.get("cancel_url"));
        session.put("currency", params.get("currency"));
        session.put("locale", params.get("locale"));
        session.put("payment_method_types", params.getOrDefault("payment_method_types", List.of("card")));
        session.put("setup_intent", null);
        session.put("payment_intent", null);
        session.put("amount_total", "payment".equals(mode) ? amountOf(params) : null);
        session.put("payment_status", "setup".equals(mode) ? "no_payment_required" : "unpaid");
        session.put("expires_at", expiresAt);
        session.put("url", apiBase() + "/c/pay/" + session.get("id"));
        payerEmail(session, params);
        return ok(store(session));
    }

    @SuppressWarnings("unchecked")
    private static long amountOf(Map<String, Object> params) {
        long total = 0;
        for (Object item : (List<Object>) params.getOrDefault("line_items", List.of())) {
            Map<String, Object> line = (Map<String, Object>) item;
            Map<String, Object> price = (Map<String, Object>) line.getOrDefault("price_data", Map.of());
            total += Long.parseLong(String.valueOf(price.getOrDefault("unit_amount", "0")))
                    * Long.parseLong(String.valueOf(line.getOrDefault("quantity", "1")));
        }
        return total;
    }

    private Answer expire(String sessionId) {
        Map<String, Object> session = objects.get(sessionId);
        if (session == null) {
            return missing(sessionId, "session");
        }
        if (!"open".equals(session.get("status"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "checkout_session_not_open",
                    null,
                    "Only Checkout Sessions with a status of open can be expired.",
                    null,
                    null);
        }
        session.put("status", "expired");
        event("checkout.session.expired", session);
        return ok(session);
    }

    private Answer detach(String methodId) {
        Map<String, Object> method = objects.get(methodId);
        if (method == null) {
            return missing(methodId, "payment_method");
        }
        if (method.get("customer") == null) {
            return error(
                    400,
                    "invalid_request_error",
                    "payment_method_unexpected_state",
                    null,
                    "The payment method you provided is not attached to a customer so detachment is impossible.",
                    null,
                    null);
        }
        method.put("customer", null);
        event("payment_method.detached", method);
        return ok(method);
    }

    private Answer createIntent(Map<String, Object> params, String key) {
        long amount;
        try {
            amount = Long.parseLong(String.valueOf(params.get("amount")));
        } catch (NumberFormatException e) {
            return error(
                    400,
                    "invalid_request_error",
                    "parameter_missing",
                    null,
                    "Missing required param: amount.",
                    "amount",
                    null);
        }
        if (amount < 50) {
            return error(
                    400,
                    "invalid_request_error",
                    "amount_too_small",
                    null,
                    "Amount must be at least $0.50 usd",
                    "amount",
                    null);
        }
        Object methodId = params.get("payment_method");
        Map<String, Object> method = methodId == null ? null : objects.get(methodId.toString());
        if (method == null) {
            return missing(String.valueOf(methodId), "payment_method");
        }
        Object customer = params.get("customer");
        if (customer != null
                && !customer.equals(method.get("customer"))
                && !cards.containsKey(methodId + "#shortcut")) {
            return error(
                    400,
                    "invalid_request_error",
                    "resource_missing",
                    null,
                    "The provided PaymentMethod was previously used without being attached to a Customer or was"
                            + " detached from a Customer, and may not be used again.",
                    "payment_method",
                    null);
        }
        Map<String, Object> intent = base("pi_", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0);
        intent.put("currency", params.getOrDefault("currency", "usd"));
        intent.put("customer", customer);
        intent.put("payment_method", methodId);
        intent.put("metadata", params.getOrDefault("metadata", Map.of()));
        intent.put("capture_method", "automatic");
        intent.put("confirmation_method", "automatic");
        intent.put("client_secret", intent.get("id") + "_secret_" + token(24));
        intent.put("last_payment_error", null);
        intent.put("latest_charge", null);
        intent.put("next_action", null);
        intent.put("payment_method_types", List.of("card"));
        intent.put("status", "requires_confirmation");
        store(intent);
        if (!"true".equals(params.get("confirm"))) {
            return ok(intent);
        }
        return confirm(intent, cards.get(methodId.toString()), "true".equals(params.get("off_session")));
    }

    private Answer confirm(Map<String, Object> intent, TestCard card, boolean offSession) {
        switch (card) {
            case VISA -> {
                succeed(intent);
                return ok(intent);
            }
            case AUTHENTICATION -> {
                if (!offSession) {
                    intent.put("status", "requires_action");
                    intent.put("next_action", Map.of("type", "use_stripe_sdk", "use_stripe_sdk", Map.of()));
                    return ok(intent);
                }
                return fail(
                        intent,
                        "authentication_required",
                        "authentication_required",
                        "Your card was declined. This transaction requires authentication.");
            }
            case DECLINED -> {
                return fail(intent, "card_declined", "generic_decline", "Your card was declined.");
            }
            default -> {
                return fail(intent, "card_declined", "insufficient_funds", "Your card has insufficient funds.");
            }
        }
    }

    private void succeed(Map<String, Object> intent) {
        intent.put("status", "succeeded");
        intent.put("amount_received", intent.get("amount"));
        intent.put("latest_charge", id("ch_"));
        charges.incrementAndGet();
        balanceForCharge(intent);
        event("payment_intent.succeeded", intent);
    }

    private Answer fail(Map<String, Object> intent, String code, String declineCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "card_error");
        error.put("code", code);
        error.put("decline_code", declineCode);
        error.put("message", message);
        error.put("charge", id("ch_"));
        intent.put("status", "requires_payment_method");
        intent.put("last_payment_error", error);
        event("payment_intent.payment_failed", intent);
        return error(402, "card_error", code, declineCode, message, null, copy(intent));
    }

    // ---- Stripe Terminal, server-driven (desk checkout, issue 19.5): card-present PaymentIntents, a simulated
    // reader, its process_payment_intent action and the test helper that presents a card on it. Shapes as in
    // stripe/openapi (terminal.reader with its action; the action's status in_progress, succeeded or failed).

    /** The simulated reader every test application may use (as Stripe's "simulated WisePOS E"). */
    static final String READER = "tmr_relief_simulated_desk";

    /** The answer to a Terminal call, or null when the request is not one. */
    private Answer terminal(String method, String path, Map<String, Object> params) {
        String[] parts = path.substring(1).split("/");
        if ("POST".equals(method)
                && "/v1/payment_intents".equals(path)
                && params.get("payment_method_types") instanceof List<?> types
                && types.contains("card_present")) {
            return presentIntent(params);
        }
        if (path.startsWith("/v1/terminal/readers/")) {
            Map<String, Object> reader = reader(parts[3]);
            if (reader == null) {
                return missing(parts[3], "terminal.reader");
            }
            if ("GET".equals(method) && parts.length == 4) {
                return ok(copy(reader));
            }
            if ("POST".equals(method) && parts.length == 5 && "process_payment_intent".equals(parts[4])) {
                return process(reader, params);
            }
        }
        if ("POST".equals(method)
                && path.startsWith("/v1/test_helpers/terminal/readers/")
                && parts.length == 6
                && "present_payment_method".equals(parts[5])) {
            Map<String, Object> reader = reader(parts[4]);
            return reader == null ? missing(parts[4], "terminal.reader") : present(reader, params);
        }
        return null;
    }

    private Map<String, Object> reader(String id) {
        if (READER.equals(id)) {
            return objects.computeIfAbsent(READER, key -> {
                Map<String, Object> reader = new LinkedHashMap<>();
                reader.put("id", READER);
                reader.put("object", "terminal.reader");
                reader.put("action", null);
                reader.put("device_sw_version", null);
                reader.put("device_type", "simulated_wisepos_e");
                reader.put("ip_address", "0.0.0.0");
                reader.put("label", "Front desk (simulated)");
                reader.put("last_seen_at", null);
                reader.put("livemode", false);
                reader.put("location", null);
                reader.put("metadata", new LinkedHashMap<>());
                reader.put("serial_number", "relief-simulated-1");
                reader.put("status", "online");
                return reader;
            });
        }
        Map<String, Object> found = objects.get(id);
        return found != null && "terminal.reader".equals(found.get("object")) ? found : null;
    }

    /** A PaymentIntent to be paid on a reader: it waits for a card ({@code requires_payment_method}). */
    private Answer presentIntent(Map<String, Object> params) {
        long amount;
        try {
            amount = Long.parseLong(String.valueOf(params.get("amount")));
        } catch (NumberFormatException e) {
            return error(
                    400,
                    "invalid_request_error",
                    "parameter_missing",
                    null,
                    "Missing required param: amount.",
                    "amount",
                    null);
        }
        Map<String, Object> intent = base("pi_", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0);
        intent.put("capture_method", params.getOrDefault("capture_method", "automatic"));
        intent.put("client_secret", intent.get("id") + "_secret_" + token(24));
        intent.put("confirmation_method", "automatic");
        intent.put("currency", params.getOrDefault("currency", "usd"));
        intent.put("customer", params.get("customer"));
        intent.put("last_payment_error", null);
        intent.put("latest_charge", null);
        intent.put("metadata", params.getOrDefault("metadata", Map.of()));
        intent.put("next_action", null);
        intent.put("payment_method", null);
        intent.put("payment_method_types", List.of("card_present"));
        intent.put("status", "requires_payment_method");
        return ok(store(intent));
    }

    private Answer process(Map<String, Object> reader, Map<String, Object> params) {
        Map<String, Object> intent = objects.get(String.valueOf(params.get("payment_intent")));
        if (intent == null || !"payment_intent".equals(intent.get("object"))) {
            return missing(String.valueOf(params.get("payment_intent")), "payment_intent");
        }
        if (reader.get("action") instanceof Map<?, ?> action && "in_progress".equals(action.get("status"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "terminal_reader_busy",
                    null,
                    "Reader is currently busy processing another request.",
                    null,
                    null);
        }
        if (!"requires_payment_method".equals(intent.get("status"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "payment_intent_unexpected_state",
                    null,
                    "This PaymentIntent's status is " + intent.get("status") + ".",
                    "payment_intent",
                    null);
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("failure_code", null);
        action.put("failure_message", null);
        action.put("process_payment_intent", new LinkedHashMap<>(Map.of("payment_intent", intent.get("id"))));
        action.put("status", "in_progress");
        action.put("type", "process_payment_intent");
        reader.put("action", action);
        return ok(copy(reader));
    }

    /** The test helper: a card is tapped or inserted on the simulated reader, and the action ends. */
    @SuppressWarnings("unchecked")
    private Answer present(Map<String, Object> reader, Map<String, Object> params) {
        if (!(reader.get("action") instanceof Map<?, ?> found) || !"in_progress".equals(found.get("status"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "terminal_reader_timeout",
                    null,
                    "The reader has no action waiting for a payment method.",
                    null,
                    null);
        }
        Map<String, Object> action = (Map<String, Object>) found;
        Map<String, Object> intent = objects.get(
                String.valueOf(((Map<String, Object>) action.get("process_payment_intent")).get("payment_intent")));
        Object number = params.get("card_present") instanceof Map<?, ?> present ? present.get("number") : null;
        TestCard card = number == null
                ? TestCard.VISA
                : TestCard.byNumber(number.toString()).orElse(TestCard.VISA);
        Map<String, Object> method = store(paymentMethod(id("pm_"), card, null));
        method.put("type", "card_present");
        intent.put("payment_method", method.get("id"));
        if (card == TestCard.VISA || card == TestCard.AUTHENTICATION) {
            succeed(intent);
            action.put("status", "succeeded");
            event("terminal.reader.action_succeeded", reader);
        } else {
            String decline = card == TestCard.DECLINED ? "generic_decline" : "insufficient_funds";
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", "card_declined");
            error.put("decline_code", decline);
            error.put("message", "Your card was declined.");
            intent.put("status", "requires_payment_method");
            intent.put("last_payment_error", error);
            event("payment_intent.payment_failed", intent);
            action.put("status", "failed");
            action.put("failure_code", "card_declined");
            action.put("failure_message", "Your card was declined.");
            event("terminal.reader.action_failed", reader);
        }
        return ok(copy(reader));
    }

    // ---- refunds and disputes

    /** Cents refunded so far of a PaymentIntent's charge. */
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();

    private Answer createRefund(Map<String, Object> params) {
        Object intentId = params.get("payment_intent");
        Map<String, Object> intent = intentId == null ? null : objects.get(intentId.toString());
        if (intent == null || !"payment_intent".equals(intent.get("object"))) {
            return missing(String.valueOf(intentId), "payment_intent");
        }
        if (!"succeeded".equals(intent.get("status"))) {
            return error(
                    400,
                    "invalid_request_error",
                    "charge_not_refundable",
                    null,
                    "This PaymentIntent does not have a successful charge to refund.",
                    "payment_intent",
                    null);
        }
        long charged = ((Number) intent.get("amount_received")).longValue();
        long before = refunded.getOrDefault(intentId.toString(), 0L);
        long amount;
        try {
            amount = params.get("amount") == null
                    ? charged - before
                    : Long.parseLong(String.valueOf(params.get("amount")));
        } catch (NumberFormatException e) {
            return error(
                    400,
                    "invalid_request_error",
                    null,
                    null,
                    "Invalid integer: " + params.get("amount"),
                    "amount",
                    null);
        }
        if (before >= charged) {
            return error(
                    400,
                    "invalid_request_error",
                    "charge_already_refunded",
                    null,
                    "Charge " + intent.get("latest_charge") + " has already been refunded.",
                    null,
                    null);
        }
        if (amount <= 0 || amount > charged - before) {
            return error(
                    400,
                    "invalid_request_error",
                    null,
                    null,
                    "Refund amount ($" + dollars(amount) + ") is greater than unrefunded amount on charge ($"
                            + dollars(charged - before) + ")",
                    "amount",
                    null);
        }
        refunded.put(intentId.toString(), before + amount);
        Map<String, Object> refund = base("re_", "refund");
        refund.put("amount", amount);
        refund.put("balance_transaction", id("txn_"));
        refund.put("charge", intent.get("latest_charge"));
        refund.put("currency", intent.get("currency"));
        refund.put("destination_details", Map.of("type", "card", "card", Map.of("type", "refund")));
        refund.put("metadata", params.getOrDefault("metadata", Map.of()));
        refund.put("payment_intent", intentId);
        refund.put("reason", params.get("reason"));
        refund.put("receipt_number", null);
        refund.put("source_transfer_reversal", null);
        refund.put("status", "succeeded");
        refund.put("transfer_reversal", null);
        store(refund);
        balanceForRefund(refund);
        event("refund.created", refund);
        Map<String, Object> charge = charge(intent);
        charge.put("amount_refunded", before + amount);
        charge.put("refunded", before + amount == charged);
        charge.put(
                "refunds",
                Map.of(
                        "object",
                        "list",
                        "data",
                        List.of(copy(refund)),
                        "has_more",
                        false,
                        "url",
                        "/v1/charges/" + charge.get("id") + "/refunds"));
        event("charge.refunded", charge);
        return ok(refund);
    }

    private Map<String, Object> charge(Map<String, Object> intent) {
        Map<String, Object> charge = base("ch_", "charge");
        charge.put("id", intent.get("latest_charge"));
        charge.put("amount", intent.get("amount_received"));
        charge.put("amount_captured", intent.get("amount_received"));
        charge.put("amount_refunded", refunded.getOrDefault(intent.get("id").toString(), 0L));
        charge.put("currency", intent.get("currency"));
        charge.put("customer", intent.get("customer"));
        charge.put("metadata", intent.get("metadata"));
        charge.put("paid", true);
        charge.put("payment_intent", intent.get("id"));
        charge.put("payment_method", intent.get("payment_method"));
        charge.put("status", "succeeded");
        return charge;
    }

    /** The cardholder disputes a PaymentIntent's charge: Stripe makes a dispute and sends charge.dispute.created. */
    Map<String, Object> dispute(String paymentIntentId, String reason) {
        Map<String, Object> intent = objects.get(paymentIntentId);
        Map<String, Object> dispute = base("dp_", "dispute");
        dispute.put("amount", intent.get("amount_received"));
        dispute.put("balance_transactions", List.of());
        dispute.put("charge", intent.get("latest_charge"));
        dispute.put("currency", intent.get("currency"));
        dispute.put(
                "evidence_details",
                Map.of(
                        "due_by",
                        clock.instant().plusSeconds(7 * 86_400).getEpochSecond(),
                        "has_evidence",
                        false,
                        "past_due",
                        false,
                        "submission_count",
                        0));
        dispute.put("is_charge_refundable", true);
        dispute.put("metadata", Map.of());
        dispute.put("payment_intent", paymentIntentId);
        dispute.put("reason", reason);
        dispute.put("status", "needs_response");
        store(dispute);
        event("charge.dispute.created", dispute);
        List<Map<String, Object>> disputes = events("charge.dispute.created");
        return disputes.get(disputes.size() - 1);
    }

    private static String dollars(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    // ---- PaymentIntents confirmed with the patient present, and the bank's 3-D Secure page (membership dues)

    static final String THREE_D_SECURE = "/3d_secure_2/hosted/";

    /**
     * {@code POST /v1/payment_intents/{intent}/confirm}: an intent left in {@code requires_payment_method} or
     * {@code requires_confirmation} is confirmed with the given (or its own) card. A card that needs authentication,
     * confirmed with a {@code return_url} and not off-session, moves to {@code requires_action} with a {@code
     * redirect_to_url} next action pointing at the bank's page here; other cards behave as on creation.
     */
    private Answer confirmIntent(String intentId, Map<String, Object> params) {
        Map<String, Object> intent = objects.get(intentId);
        if (intent == null || !"payment_intent".equals(intent.get("object"))) {
            return missing(intentId, "payment_intent");
        }
        Object status = intent.get("status");
        if (!"requires_payment_method".equals(status) && !"requires_confirmation".equals(status)) {
            return error(
                    400,
                    "invalid_request_error",
                    "payment_intent_unexpected_state",
                    null,
                    "You cannot confirm this PaymentIntent because it has a status of " + status + ".",
                    null,
                    copy(intent));
        }
        Object methodId = params.getOrDefault("payment_method", intent.get("payment_method"));
        TestCard card = methodId == null ? null : cards.get(methodId.toString());
        if (card == null) {
            return missing(String.valueOf(methodId), "payment_method");
        }
        intent.put("payment_method", methodId);
        intent.put("last_payment_error", null);
        boolean offSession = "true".equals(params.get("off_session"));
        Object returnUrl = params.get("return_url");
        if (card == TestCard.AUTHENTICATION && !offSession && returnUrl != null) {
            intent.put("status", "requires_action");
            Map<String, Object> redirect = new LinkedHashMap<>();
            redirect.put("return_url", returnUrl);
            redirect.put("url", apiBase() + THREE_D_SECURE + intentId);
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("type", "redirect_to_url");
            next.put("redirect_to_url", redirect);
            intent.put("next_action", next);
            return ok(intent);
        }
        return confirm(intent, card, offSession);
    }

    /**
     * The bank's authentication page: GET shows it, POST {@code result=complete} authenticates (the intent succeeds
     * and charges) and {@code result=fail} refuses (the intent goes back to {@code requires_payment_method} with
     * {@code payment_intent_authentication_failure}); either way the patient is sent to the intent's return URL.
     */
    private void threeDSecure(HttpExchange exchange, String intentId, String body) throws IOException {
        Map<String, Object> intent = objects.get(intentId);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (intent == null || !"requires_action".equals(intent.get("status"))) {
            send(exchange, 404, "<!DOCTYPE html><title>3D Secure</title><p>Nothing to authenticate.</p>");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(
                    exchange,
                    200,
                    "<!DOCTYPE html><html><head><title>3D Secure</title></head><body><h1>Authenticate payment</h1>"
                            + "<form method=\"post\"><button id=\"complete\" name=\"result\" value=\"complete\">"
                            + "Complete</button><button id=\"fail\" name=\"result\" value=\"fail\">Fail</button>"
                            + "</form></body></html>");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) intent.get("next_action");
        @SuppressWarnings("unchecked")
        String back = ((Map<String, Object>) next.get("redirect_to_url"))
                .get("return_url")
                .toString();
        intent.put("next_action", null);
        if ("complete".equals(StripeForm.parse(body).get("result"))) {
            succeed(intent);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", "payment_intent_authentication_failure");
            error.put(
                    "message",
                    "We are unable to authenticate your payment method. Please choose a different payment method and"
                            + " try again.");
            intent.put("status", "requires_payment_method");
            intent.put("last_payment_error", error);
            event("payment_intent.payment_failed", intent);
        }
        String location = back + (back.contains("?") ? "&" : "?") + "payment_intent=" + intentId
                + "&payment_intent_client_secret=" + intent.get("client_secret");
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    /** Opens the bank's page at {@code url} and completes (or fails) the authentication; the redirect back. */
    static HttpResponse<String> authenticate(String url, boolean complete) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "result=" + (complete ? "complete" : "fail")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the balance: balance transactions and payouts (reconciliation)

    /** Balance transaction ids in the order they were made; a payout takes every one not yet paid out. */
    private final List<String> ledger = new CopyOnWriteArrayList<>();

    /** Stripe's US card pricing, as the local Stripe charges it: 2.9 % + 30 cents. */
    static long feeOf(long cents) {
        return Math.round(cents * 0.029) + 30;
    }

    private void balanceForCharge(Map<String, Object> intent) {
        Map<String, Object> charge = charge(intent);
        store(charge);
        long amount = ((Number) intent.get("amount")).longValue();
        balance("charge", amount, feeOf(amount), charge.get("id").toString());
    }

    private void balanceForRefund(Map<String, Object> refund) {
        long amount = ((Number) refund.get("amount")).longValue();
        Map<String, Object> txn = balance("refund", -amount, 0, refund.get("id").toString());
        refund.put("balance_transaction", txn.get("id"));
    }

    private Map<String, Object> balance(String type, long amount, long fee, String source) {
        Map<String, Object> txn = base("txn_", "balance_transaction");
        txn.put("amount", amount);
        txn.put("available_on", clock.instant().plusSeconds(2 * 86_400).getEpochSecond());
        txn.put("currency", "usd");
        txn.put("description", null);
        txn.put("exchange_rate", null);
        txn.put("fee", fee);
        txn.put(
                "fee_details",
                fee == 0
                        ? List.of()
                        : List.of(Map.of(
                                "amount",
                                fee,
                                "currency",
                                "usd",
                                "description",
                                "Stripe processing fees",
                                "type",
                                "stripe_fee")));
        txn.put("net", amount - fee);
        txn.put("reporting_category", type);
        txn.put("source", source);
        txn.put("status", "pending");
        txn.put("type", type);
        txn.put("balance_type", "payments");
        store(txn);
        ledger.add(txn.get("id").toString());
        return txn;
    }

    /**
     * Stripe pays the balance out to the clinic's bank, arriving at {@code arrival}: every balance transaction not
     * yet paid out goes into one payout, which gets its own balance transaction; the payout.
     */
    Map<String, Object> payout(Instant arrival) {
        Map<String, Object> payout = base("po_", "payout");
        List<String> contained = ledger.stream()
                .filter(id -> objects.get(id).get("payout") == null)
                .filter(id -> !"payout".equals(objects.get(id).get("type")))
                .toList();
        long amount = contained.stream()
                .mapToLong(id -> ((Number) objects.get(id).get("net")).longValue())
                .sum();
        contained.forEach(id -> {
            objects.get(id).put("payout", payout.get("id"));
            objects.get(id).put("status", "available");
        });
        payout.put("amount", amount);
        payout.put("arrival_date", arrival.getEpochSecond());
        payout.put("automatic", true);
        payout.put("currency", "usd");
        payout.put("description", "STRIPE PAYOUT");
        payout.put("destination", "ba_" + token(24));
        payout.put("failure_balance_transaction", null);
        payout.put("failure_code", null);
        payout.put("failure_message", null);
        payout.put("metadata", Map.of());
        payout.put("method", "standard");
        payout.put("reconciliation_status", "completed");
        payout.put("source_type", "card");
        payout.put("statement_descriptor", null);
        payout.put("status", "paid");
        payout.put("type", "bank_account");
        store(payout);
        Map<String, Object> own = balance("payout", -amount, 0, payout.get("id").toString());
        own.put("payout", payout.get("id"));
        payout.put("balance_transaction", own.get("id"));
        event("payout.paid", payout);
        return payout;
    }

    /** A charge made outside the app (in Stripe's dashboard, say), which the app never recorded; its PaymentIntent. */
    String chargeOutsideTheApp(long cents) {
        Map<String, Object> intent = base("pi_", "payment_intent");
        intent.put("amount", cents);
        intent.put("amount_received", 0);
        intent.put("currency", "usd");
        intent.put("customer", null);
        intent.put("payment_method", TestCard.VISA.shortcut);
        intent.put("metadata", Map.of());
        intent.put("last_payment_error", null);
        intent.put("status", "requires_confirmation");
        store(intent);
        succeed(intent);
        return intent.get("id").toString();
    }

    /** {@code GET /v1/balance_transactions}: by {@code payout}, {@code type} and {@code created[gte|lt]}. */
    @SuppressWarnings("unchecked")
    private Answer listBalance(Map<String, Object> params) {
        Object payout = params.get("payout");
        Object type = params.get("type");
        Map<String, Object> created = (Map<String, Object>) params.getOrDefault("created", Map.of());
        List<Map<String, Object>> found = ledger.stream()
                .map(objects::get)
                .filter(t -> payout == null || payout.equals(t.get("payout")))
                .filter(t -> type == null || type.equals(t.get("type")))
                .filter(t -> within(t.get("created"), created))
                .toList();
        return list("/v1/balance_transactions", found, params);
    }

    /** {@code GET /v1/payouts}: by {@code arrival_date[gte|lt]} and {@code created[gte|lt]}. */
    @SuppressWarnings("unchecked")
    private Answer listPayouts(Map<String, Object> params) {
        Map<String, Object> arrival = (Map<String, Object>) params.getOrDefault("arrival_date", Map.of());
        Map<String, Object> created = (Map<String, Object>) params.getOrDefault("created", Map.of());
        List<Map<String, Object>> found = ledger.stream()
                .map(objects::get)
                .filter(t -> "payout".equals(t.get("type")))
                .map(t -> objects.get(t.get("source").toString()))
                .filter(p -> within(p.get("arrival_date"), arrival))
                .filter(p -> within(p.get("created"), created))
                .toList();
        return list("/v1/payouts", found, params);
    }

    private static boolean within(Object value, Map<String, Object> range) {
        long at = ((Number) value).longValue();
        return (range.get("gte") == null
                        || at >= Long.parseLong(range.get("gte").toString()))
                && (range.get("gt") == null
                        || at > Long.parseLong(range.get("gt").toString()))
                && (range.get("lte") == null
                        || at <= Long.parseLong(range.get("lte").toString()))
                && (range.get("lt") == null
                        || at < Long.parseLong(range.get("lt").toString()));
    }

    /** A Stripe list, newest first, {@code limit} at a time after {@code starting_after}, with {@code expand[]}. */
    private Answer list(String url, List<Map<String, Object>> oldestFirst, Map<String, Object> params) {
        List<Map<String, Object>> newest = new ArrayList<>(oldestFirst);
        Collections.reverse(newest);
        Object after = params.get("starting_after");
        int from = 0;
        if (after != null) {
            for (int i = 0; i < newest.size(); i++) {
                if (after.equals(newest.get(i).get("id"))) {
                    from = i + 1;
                }
            }
        }
        int limit = params.get("limit") == null
                ? 10
                : Integer.parseInt(params.get("limit").toString());
        List<Map<String, Object>> page = newest.subList(from, Math.min(newest.size(), from + limit));
        List<Map<String, Object>> data = new ArrayList<>();
        for (Map<String, Object> item : page) {
            Map<String, Object> answer = copy(item);
            if (params.get("expand") instanceof List<?> paths) {
                for (Object path : paths) {
                    String text = path.toString();
                    if (text.startsWith("data.")) {
                        expand(answer, text.substring("data.".length()).split("\\."), 0);
                    }
                }
            }
            data.add(answer);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", from + limit < newest.size());
        list.put("url", url);
        return ok(list);
    }

    // ---- counts for the autopay benchmark

    /** Successful charges per customer, for every customer charged at least once. */
    Map<String, Long> chargesByCustomer() {
        Map<String, Long> counts = new TreeMap<>();
        objects.values().stream()
                .filter(o -> "payment_intent".equals(o.get("object")))
                .filter(o -> "succeeded".equals(o.get("status")))
                .filter(o -> o.get("customer") != null)
                .forEach(o -> counts.merge(o.get("customer").toString(), 1L, Long::sum));
        return counts;
    }

    // ---- the hosted Checkout page

    private void hosted(HttpExchange exchange, String sessionId, String body) throws IOException {
        Map<String, Object> session = objects.get(sessionId);
        expireIfDue(session);
        if (session == null || !"open".equals(session.get("status"))) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            send(exchange, 404, "<!DOCTYPE html><title>Checkout</title><p>This checkout page has expired.</p>");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            Object number = StripeForm.parse(body).get("card_number");
            Optional<TestCard> card = TestCard.byNumber(number == null ? "" : number.toString());
            String problem = card.isEmpty() ? "Your card number is invalid." : complete(session, card.get());
            if (AUTHENTICATE.equals(problem)) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                send(exchange, 200, authenticationPage(session));
                return;
            }
            if (problem == null) {
                flushWebhooks(); // Stripe's events go out before the patient is back on the app's page
                String back = session.get("success_url").toString().replace("{CHECKOUT_SESSION_ID}", sessionId);
                exchange.getResponseHeaders().set("Location", back);
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            send(exchange, 402, page(session, problem));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, 200, page(session, null));
    }

    private String page(Map<String, Object> session, String problem) {
        return "<!DOCTYPE html><html><head><title>Checkout</title></head><body><h1>"
                + ("setup".equals(session.get("mode"))
                        ? "Save your card"
                        : "Pay $" + dollars(((Number) session.get("amount_total")).longValue()))
                + "</h1>" + (problem == null ? "" : "<p id=\"problem\">" + problem + "</p>")
                + "<form method=\"post\"><label for=\"card_number\">Card number</label>"
                + "<input id=\"card_number\" name=\"card_number\" autocomplete=\"cc-number\">"
                + "<button id=\"submit\" type=\"submit\">Submit</button></form>"
                + "<p><a id=\"cancel\" href=\"" + session.get("cancel_url") + "\">Back</a></p></body></html>";
    }

    /** Completes a session with a card; null when done, else what the page says. */
    private String complete(Map<String, Object> session, TestCard card) {
        String customer = (String) session.get("customer");
        if ("setup".equals(session.get("mode"))) {
            if (card == TestCard.DECLINED) {
                return "Your card was declined.";
            }
            Map<String, Object> method = store(paymentMethod(id("pm_"), card, customer));
            Map<String, Object> setup = base("seti_", "setup_intent");
            setup.put("customer", customer);
            setup.put("payment_method", method.get("id"));
            setup.put("status", "succeeded");
            setup.put("usage", "off_session");
            setup.put("payment_method_types", List.of("card"));
            setup.put("metadata", Map.of());
            store(setup);
            session.put("setup_intent", setup.get("id"));
            event("setup_intent.succeeded", setup);
        } else {
            Map<String, Object> method = store(paymentMethod(id("pm_"), card, customer));
            Map<String, Object> intent = base("pi_", "payment_intent");
            intent.put("amount", session.get("amount_total"));
            intent.put("amount_received", 0);
            intent.put("currency", session.get("currency"));
            intent.put("customer", customer);
            intent.put("payment_method", method.get("id"));
            intent.put("metadata", intentMetadata(session));
            intent.put("status", "requires_confirmation");
            intent.put("last_payment_error", null);
            store(intent);
            session.put("payment_intent", intent.get("id"));
            Answer answer = confirm(intent, card, false);
            if (answer.status() != 200) {
                session.put("payment_intent", null);
                return "Your card was declined.";
            }
            if ("requires_action".equals(intent.get("status"))) {
                return AUTHENTICATE;
            }
            session.put("payment_status", "paid");
        }
        session.put("status", "complete");
        event("checkout.session.completed", session);
        return null;
    }

    // ---- objects and events

    private Map<String, Object> paymentMethod(String id, TestCard card, String customer) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", id);
        method.put("object", "payment_method");
        method.put("created", clock.instant().getEpochSecond());
        method.put("livemode", false);
        method.put("type", "card");
        method.put("customer", customer);
        method.put("metadata", Map.of());
        method.put("allow_redisplay", "unspecified");
        method.put("billing_details", new LinkedHashMap<>(Map.of("address", Map.of())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("brand", card.brand);
        details.put("display_brand", card.brand);
        details.put("last4", card.last4);
        details.put("exp_month", 12);
        details.put("exp_year", 2034);
        details.put("country", "US");
        details.put("funding", "credit");
        details.put("fingerprint", "fp" + card.last4);
        method.put("card", details);
        cards.put(id, card);
        if (id.equals(card.shortcut)) {
            cards.put(id + "#shortcut", card);
        }
        return method;
    }

    private Map<String, Object> base(String prefix, String object) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id(prefix));
        map.put("object", object);
        map.put("created", clock.instant().getEpochSecond());
        map.put("livemode", false);
        return map;
    }

    private Map<String, Object> store(Map<String, Object> object) {
        objects.put(object.get("id").toString(), object);
        return object;
    }

    private void event(String type, Map<String, Object> object) {
        Map<String, Object> event = base("evt_", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("data", Map.of("object", copy(object)));
        event.put("pending_webhooks", 1);
        event.put("request", new LinkedHashMap<String, Object>(Map.of("id", id("req_"))));
        event.put("type", type);
        events.add(event);
        if (webhookUrl != null) {
            undelivered.add(event);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> copy(Map<String, Object> object) {
        return gson.fromJson(gson.toJson(object), Map.class);
    }

    private Answer retrieve(String id, String object, Map<String, Object> params) {
        Map<String, Object> found = objects.get(id);
        if (found == null || !object.equals(found.get("object"))) {
            return missing(id, object);
        }
        Map<String, Object> answer = copy(found);
        Object expand = params.get("expand");
        if (expand instanceof List<?> paths) {
            for (Object path : paths) {
                expand(answer, path.toString().split("\\."), 0);
            }
        }
        return ok(answer);
    }

    @SuppressWarnings("unchecked")
    private void expand(Map<String, Object> object, String[] path, int at) {
        Object value = object.get(path[at]);
        if (value instanceof String id && objects.containsKey(id)) {
            value = copy(objects.get(id));
            object.put(path[at], value);
        }
        if (at + 1 < path.length && value instanceof Map<?, ?> inner) {
            expand((Map<String, Object>) inner, path, at + 1);
        }
    }

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    private Answer missing(String id, String what) {
        return error(
                404,
                "invalid_request_error",
                "resource_missing",
                null,
                "No such " + what + ": '" + id + "'",
                "id",
                null);
    }

    private Answer error(
            int status,
            String type,
            String code,
            String declineCode,
            String message,
            String param,
            Map<String, Object> paymentIntent) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        if (paymentIntent != null) {
            error.put("payment_intent", paymentIntent);
        }
        error.put("request_log_url", "https://dashboard.stripe.com/test/logs/" + id("req_"));
        return new Answer(status, Map.of("error", error));
    }

    private String id(String prefix) {
        return prefix + token(prefix.startsWith("cs_") ? 40 : 24);
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    // ---- Checkout in payment mode: 3-D Secure on the hosted page, expiry, webhooks sent to the app (deposits)

    /** What {@link #complete} answers when the bank asks the cardholder to authenticate (3-D Secure). */
    private static final String AUTHENTICATE = "authenticate";

    /** {@code payment_intent_data} of each Checkout Session, by session id (not part of the session object). */
    private final Map<String, Object> intentData = new ConcurrentHashMap<>();

    private final List<Map<String, Object>> undelivered = new CopyOnWriteArrayList<>();
    private final HttpClient webhookClient = HttpClient.newHttpClient();
    private volatile String webhookUrl;
    private volatile boolean unreachableExpiry;

    /** While on, expiring a Checkout Session fails with a 500 and does nothing (as if Stripe could not be reached). */
    void unreachableExpiry(boolean on) {
        unreachableExpiry = on;
    }

    /**
     * From now on every event is also sent, signed, to {@code url} as Stripe sends webhooks: after the API answer
     * that made it, and before the hosted page redirects back.
     */
    void deliverWebhooksTo(String url) {
        undelivered.clear();
        webhookUrl = url;
    }

    void stopDeliveringWebhooks() {
        webhookUrl = null;
        undelivered.clear();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> intentMetadata(Map<String, Object> session) {
        Object data = intentData.getOrDefault(session.get("id").toString(), Map.of());
        Object metadata = data instanceof Map<?, ?> map ? map.get("metadata") : null;
        return metadata instanceof Map<?, ?> found
                ? new LinkedHashMap<>((Map<String, Object>) found)
                : new LinkedHashMap<>();
    }

    /** An open session past its {@code expires_at} expires, as Stripe expires it, with its event. */
    private void expireIfDue(Map<String, Object> session) {
        if (session != null
                && "checkout.session".equals(session.get("object"))
                && "open".equals(session.get("status"))
                && ((Number) session.get("expires_at")).longValue()
                        <= clock.instant().getEpochSecond()) {
            synchronized (session) {
                if ("open".equals(session.get("status"))) {
                    session.put("status", "expired");
                    event("checkout.session.expired", session);
                }
            }
        }
    }

    private String authenticationPage(Map<String, Object> session) {
        String action = "/c/pay/" + session.get("id") + "/authenticate";
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Authentication</title></head><body>"
                + "<main><h1>3D Secure test authentication</h1>"
                + "<p id=\"authentication\">Your bank asks you to confirm this payment.</p>"
                + "<form method=\"post\" action=\"" + action + "\">"
                + "<button id=\"complete-authentication\" name=\"action\" value=\"complete\" type=\"submit\">"
                + "Complete authentication</button>"
                + "<button id=\"fail-authentication\" name=\"action\" value=\"fail\" type=\"submit\">"
                + "Fail authentication</button></form></main></body></html>";
    }

    /** The cardholder completes (or fails) the bank's authentication step of a payment-mode session. */
    private void authenticate(HttpExchange exchange, String sessionId, String body) throws IOException {
        try (exchange) {
            Map<String, Object> session = objects.get(sessionId);
            Object intentId = session == null ? null : session.get("payment_intent");
            Map<String, Object> intent = intentId == null ? null : objects.get(intentId.toString());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            if (intent == null
                    || !"open".equals(session.get("status"))
                    || !"requires_action".equals(intent.get("status"))) {
                send(exchange, 400, "<!DOCTYPE html><title>Checkout</title><p>Nothing waits for authentication.</p>");
                return;
            }
            if ("complete".equals(StripeForm.parse(body).get("action"))) {
                intent.put("next_action", null);
                succeed(intent);
                session.put("payment_status", "paid");
                session.put("status", "complete");
                event("checkout.session.completed", session);
                flushWebhooks();
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                session.get("success_url").toString().replace("{CHECKOUT_SESSION_ID}", sessionId));
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", "payment_intent_authentication_failure");
            error.put(
                    "message",
                    "We are unable to authenticate your payment method. Please choose a different payment method and"
                            + " try again.");
            intent.put("status", "requires_payment_method");
            intent.put("next_action", null);
            intent.put("last_payment_error", error);
            event("payment_intent.payment_failed", intent);
            session.put("payment_intent", null);
            send(exchange, 402, page(session, error.get("message").toString()));
        }
    }

    /** Sends the events not yet sent, oldest first, each signed as Stripe signs them. */
    private void flushWebhooks() {
        String url = webhookUrl;
        while (url != null && !undelivered.isEmpty()) {
            Map<String, Object> event = undelivered.remove(0);
            Delivery delivery = sign(event, clock.instant());
            try {
                webhookClient.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Stripe-Signature", delivery.signature())
                                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // Stripe would retry later; the tests read what arrived.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- Checkout for a payer without a customer (s26-payguest)

    /**
     * {@code customer_email}: the address a Checkout Session prefills for a payer who is not a customer yet; Stripe
     * keeps it on the session and in {@code customer_details.email}.
     */
    private static void payerEmail(Map<String, Object> session, Map<String, Object> params) {
        Object email = params.get("customer_email");
        session.put("customer_email", email);
        if (email != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("email", email);
            session.put("customer_details", details);
        }
    }

    // ---- Cancelling a PaymentIntent (s27-pay3ds: a fee waiting for the patient's bank is waived). As in
    // stripe/openapi: POST /v1/payment_intents/{intent}/cancel with an optional cancellation_reason; only an intent in
    // requires_payment_method, requires_capture, requires_confirmation, requires_action or processing may be cancelled
    // (else payment_intent_unexpected_state); it becomes canceled with canceled_at and cancellation_reason, and
    // payment_intent.canceled is sent.

    private static final List<String> CANCELLABLE = List.of(
            "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing");

    /** The answer to a cancellation, or null when the request is not one. */
    private Answer cancelIntent(String method, String path, Map<String, Object> params) {
        String[] parts = path.substring(1).split("/");
        if (!"POST".equals(method)
                || parts.length != 4
                || !"payment_intents".equals(parts[1])
                || !"cancel".equals(parts[3])) {
            return null;
        }
        Map<String, Object> intent = objects.get(parts[2]);
        if (intent == null || !"payment_intent".equals(intent.get("object"))) {
            return missing(parts[2], "payment_intent");
        }
        Answer badReason = badCancellationReason(params);
        if (badReason != null) {
            return badReason;
        }
        Object status = intent.get("status");
        if (!CANCELLABLE.contains(String.valueOf(status))) {
            return error(
                    400,
                    "invalid_request_error",
                    "payment_intent_unexpected_state",
                    null,
                    "You cannot cancel this PaymentIntent because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be canceled: "
                            + String.join(", ", CANCELLABLE) + ".",
                    null,
                    copy(intent));
        }
        intent.put("status", "canceled");
        intent.put("canceled_at", clock.instant().getEpochSecond());
        intent.put("cancellation_reason", params.get("cancellation_reason"));
        intent.put("next_action", null);
        event("payment_intent.canceled", intent);
        return ok(intent);
    }

    /** Cancelled PaymentIntents of a customer. */
    long cancelledOf(String customerId) {
        return objects.values().stream()
                .filter(o -> "payment_intent".equals(o.get("object")))
                .filter(o -> customerId.equals(o.get("customer")))
                .filter(o -> "canceled".equals(o.get("status")))
                .count();
    }

    // ---- Confirmations counted (s28-pay: each try of the patient at the e-mailed link has its own key). A replayed
    // idempotent request never reaches the routes, so what is counted here is what Stripe really confirmed.

    private final Map<String, AtomicInteger> confirmations = new ConcurrentHashMap<>();

    private Answer countedConfirm(String intentId, Map<String, Object> params) {
        confirmations.computeIfAbsent(intentId, id -> new AtomicInteger()).incrementAndGet();
        return confirmIntent(intentId, params);
    }

    /** How many confirmations of a PaymentIntent were handled (replays of one idempotency key not counted). */
    int confirmationsOf(String intentId) {
        AtomicInteger count = confirmations.get(intentId);
        return count == null ? 0 : count.get();
    }

    // ---- The cancellation_reason a cancel request may give (s28-pay, checked against stripe/openapi and Stripe's API
    // reference: duplicate, fraudulent, requested_by_customer or abandoned; the intent's own field may also read
    // automatic, failed_invoice or void_invoice, set by Stripe itself). Anything else is refused, nothing changed.

    private static final List<String> CANCELLATION_REASONS =
            List.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    /** Stripe's refusal of a cancellation_reason outside the request's enum, or null when it is absent or allowed. */
    private Answer badCancellationReason(Map<String, Object> params) {
        Object reason = params.get("cancellation_reason");
        if (reason == null || CANCELLATION_REASONS.contains(reason.toString())) {
            return null;
        }
        return error(
                400,
                "invalid_request_error",
                null,
                null,
                "Invalid cancellation_reason: must be one of " + String.join(", ", CANCELLATION_REASONS) + ".",
                "cancellation_reason",
                null);
    }

    // ---- Cancelling a reader's action (s28-term: the desk took the payment another way). As in stripe/openapi and
    // Stripe's API reference: POST /v1/terminal/readers/{reader}/cancel_action, no parameters; it returns the reader,
    // its action now null. A reader with no action in progress is returned as it is. The PaymentIntent the action was
    // collecting is left as it is (the desk cancels it on its own).

    /** Actions cancelled on the simulated reader (replays of one idempotency key not counted). */
    private final AtomicInteger readerActionsCancelled = new AtomicInteger();

    /** The answer to a cancel_action, or null when the request is not one. */
    private Answer cancelReaderAction(String method, String path) {
        String[] parts = path.substring(1).split("/");
        if (!"POST".equals(method)
                || parts.length != 5
                || !path.startsWith("/v1/terminal/readers/")
                || !"cancel_action".equals(parts[4])) {
            return null;
        }
        Map<String, Object> reader = reader(parts[3]);
        if (reader == null) {
            return missing(parts[3], "terminal.reader");
        }
        if (reader.get("action") instanceof Map<?, ?> action && "in_progress".equals(action.get("status"))) {
            reader.put("action", null);
            readerActionsCancelled.incrementAndGet();
        }
        return ok(copy(reader));
    }

    /** How many actions of the simulated reader were cancelled. */
    int readerActionsCancelled() {
        return readerActionsCancelled.get();
    }
}
