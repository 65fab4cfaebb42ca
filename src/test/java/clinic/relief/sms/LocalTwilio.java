package clinic.relief.sms;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local Twilio for the tests, speaking the part of Twilio's REST API (2010-04-01, as its OpenAPI description
 * {@code twilio_api_v2010.json} in {@code twilio/twilio-oai} gives it) that the app uses: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP basic authentication with the account SID and
 * auth token, answered with Twilio's message resource (201) or Twilio's error body ({@code code}, {@code message},
 * {@code more_info}, {@code status}): 20003 unauthenticated, 20404 another account, 21602 no body, 21603 no sender,
 * 21211 invalid To, 21610 unsubscribed recipient, 21614 not a mobile number. It calls the app back as Twilio does:
 * delivery status to each message's {@code StatusCallback}, and texts received to the app's inbound address, each
 * form signed with {@code X-Twilio-Signature} (HMAC-SHA1 with the auth token over the address followed by every
 * parameter name and value, sorted by name; Base64). The signature is computed here, not with the SDK.
 */
final class LocalTwilio {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "00112233445566778899aabbccddeeff";
    static final String FROM = "+13105550100";

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    /** Dates in answers are fixed: a test never reads the machine's date. */
    private static final String DATE = "Mon, 14 Dec 2026 17:00:00 +0000";

    private static LocalTwilio shared;

    /**
     * A message the app created: {@code from} and {@code messagingServiceSid} are empty when the request did not
     * carry them; {@code parameters} names every form parameter it did carry.
     */
    record Created(
            String sid,
            String to,
            String from,
            String body,
            String statusCallback,
            String messagingServiceSid,
            Set<String> parameters) {}

    /** A webhook request as Twilio would send it: the address, the form, and the signature header's value. */
    record Signed(String url, Map<String, String> form, String signature) {}

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final List<Created> created = new CopyOnWriteArrayList<>();
    private final Set<String> landlines = ConcurrentHashMap.newKeySet();
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();

    private LocalTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2010-04-01/", this::handle);
        server.start();
    }

    /** The one local Twilio of this JVM, started on first use on a free port. */
    static synchronized LocalTwilio shared() {
        if (shared == null) {
            try {
                shared = new LocalTwilio();
            } catch (IOException failed) {
                throw new IllegalStateException(failed);
            }
        }
        return shared;
    }

    /** Its base address (named by host name: the SDK rebuilds numeric hosts as Twilio domains). */
    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void treatAsLandline(String number) {
        landlines.add(number);
    }

    void treatAsUnsubscribed(String number) {
        unsubscribed.add(number);
    }

    /** Every message created so far to this number, oldest first. */
    List<Created> sentTo(String number) {
        return created.stream().filter(c -> c.to().equals(number)).toList();
    }

    /** The delivery status callback Twilio would send for the message. */
    Signed status(String sid, String status, String errorCode) {
        Created message =
                created.stream().filter(c -> c.sid().equals(sid)).findFirst().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("From", message.from());
        form.put("MessageSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("To", message.to());
        if (!errorCode.isEmpty()) {
            form.put("ErrorCode", errorCode);
        }
        return sign(message.statusCallback(), form);
    }

    /** The webhook Twilio would send to {@code url} for a text from {@code from} to the clinic's number. */
    Signed incoming(String url, String from, String body) {
        String sid = newSid("SM");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("Body", body);
        form.put("From", from);
        form.put("MessageSid", sid);
        form.put("NumMedia", "0");
        form.put("NumSegments", "1");
        form.put("SmsMessageSid", sid);
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("To", FROM);
        return sign(url, form);
    }

    static Signed sign(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
            return new Signed(url, Map.copyOf(form), signature);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 404, error(20404, "The requested resource was not found", 404));
                return;
            }
            if (!authenticated(exchange)) {
                answer(exchange, 401, error(20003, "Authenticate", 401));
                return;
            }
            if (!path.group(1).equals(ACCOUNT_SID)) {
                answer(exchange, 404, error(20404, "The requested resource was not found", 404));
                return;
            }
            Map<String, String> form = form(exchange.getRequestBody());
            int refusal = refusal(form);
            if (refusal != 0) {
                answer(exchange, 400, error(refusal, MESSAGES_BY_CODE.get(refusal), 400));
                return;
            }
            answer(exchange, 201, json.writeValueAsString(create(form)));
        }
    }

    private static final Map<Integer, String> MESSAGES_BY_CODE = Map.of(
            21602, "Message body is required.",
            21603, "A 'From' phone number is required.",
            21211, "Invalid 'To' Phone Number",
            21610, "Attempt to send to unsubscribed recipient",
            21614, "'To' number is not a valid mobile number");

    private int refusal(Map<String, String> form) {
        String to = form.getOrDefault("To", "");
        if (!form.containsKey("Body") || form.get("Body").isBlank()) {
            return 21602;
        }
        if (!form.containsKey("From") && !form.containsKey("MessagingServiceSid")) {
            return 21603;
        }
        if (!valid(to)) {
            return 21211;
        }
        if (unsubscribed.contains(to)) {
            return 21610;
        }
        return landlines.contains(to) ? 21614 : 0;
    }

    private boolean valid(String to) {
        try {
            return to.startsWith("+") && phones.isValidNumber(phones.parse(to, "ZZ"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    private Map<String, Object> create(Map<String, String> form) {
        String sid = newSid("SM");
        String now = DATE;
        created.add(new Created(
                sid,
                form.get("To"),
                form.getOrDefault("From", ""),
                form.get("Body"),
                form.getOrDefault("StatusCallback", ""),
                form.getOrDefault("MessagingServiceSid", ""),
                Set.copyOf(form.keySet())));
        String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", ACCOUNT_SID);
        message.put("api_version", "2010-04-01");
        message.put("body", form.get("Body"));
        message.put("date_created", now);
        message.put("date_sent", null);
        message.put("date_updated", now);
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", form.get("From"));
        message.put("messaging_service_sid", form.get("MessagingServiceSid"));
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        message.put("to", form.get("To"));
        message.put("uri", uri + ".json");
        return message;
    }

    private static boolean authenticated(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private String error(int code, String message, int status) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return json.writeValueAsString(body);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String newSid(String prefix) {
        return prefix + HexFormat.of().formatHex(uuidBytes());
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (id.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (id.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return bytes;
    }
}
