package clinic.relief.sms;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's webhooks: texts received ({@value #INBOUND}) and delivery status ({@value #STATUS}). Each request must
 * carry Twilio's {@code X-Twilio-Signature} over the public address ({@code relief.site-url} and the path) and the
 * form, checked with the SDK's {@link RequestValidator} against the auth token; anything else is refused with 403 and
 * changes nothing. Answers are TwiML.
 */
@RestController
class TwilioWebhooks {

    static final String INBOUND = "/sms/twilio/inbound";
    static final String STATUS = "/sms/twilio/status";
    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final InboundTexts inbound;
    private final DeliveryStatus delivery;
    private final SmsSettings settings;
    private final URI site;

    TwilioWebhooks(
            InboundTexts inbound,
            DeliveryStatus delivery,
            SmsSettings settings,
            @Value("${relief.site-url}") String site) {
        this.inbound = inbound;
        this.delivery = delivery;
        this.settings = settings;
        this.site = URI.create(site);
    }

    @PostMapping(INBOUND)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Optional<Map<String, String>> form = signed(request, INBOUND);
        if (form.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Map<String, String> params = form.get();
        String sid = params.getOrDefault("MessageSid", "");
        String from = params.getOrDefault("From", "");
        if (sid.isBlank() || from.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        Optional<String> reply = inbound.receive(sid, from, params.getOrDefault("Body", ""));
        return twiml(reply.map(text -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                        + HtmlUtils.htmlEscape(text, "UTF-8") + "</Message></Response>")
                .orElse(EMPTY));
    }

    @PostMapping(STATUS)
    ResponseEntity<String> status(HttpServletRequest request) {
        Optional<Map<String, String>> form = signed(request, STATUS);
        if (form.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Map<String, String> params = form.get();
        String sid = params.getOrDefault("MessageSid", "");
        String status = params.getOrDefault("MessageStatus", "");
        if (sid.isBlank() || status.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        delivery.record(sid, status, params.getOrDefault("ErrorCode", ""));
        return twiml(EMPTY);
    }

    /** The form's parameters, if Twilio signed them for this address with the configured auth token. */
    private Optional<Map<String, String>> signed(HttpServletRequest request, String path) {
        String token = settings.twilio().authToken();
        String signature = request.getHeader("X-Twilio-Signature");
        if (token == null || token.isBlank() || signature == null) {
            return Optional.empty();
        }
        Map<String, String> params = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        String url = site.resolve(path).toString();
        return new RequestValidator(token).validate(url, params, signature) ? Optional.of(params) : Optional.empty();
    }

    private static ResponseEntity<String> twiml(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
    }
}
