package clinic.relief.sms;

import java.net.URI;
import java.util.Set;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends one text through Twilio's Java SDK with the configured account, asking for delivery status callbacks to the
 * app's {@code /sms/twilio/status}. Twilio's answer is an {@link Outcome}: accepted (with its message SID), refused for
 * good (an invalid, landline or unsubscribed number: texting it again would fail again), or failed for now.
 */
@Component
class TwilioGateway {

    /** Twilio error codes after which the number is not texted again. */
    static final Set<Integer> PERMANENT = Set.of(21211, 21214, 21610, 21612, 21614, 30003, 30005, 30006);

    /** Twilio's code for a recipient who replied STOP. */
    static final int UNSUBSCRIBED = 21610;

    private final SmsSettings settings;
    private final String statusCallback;
    private volatile TwilioRestClient client;

    TwilioGateway(SmsSettings settings, @Value("${relief.site-url}") String siteUrl) {
        this.settings = settings;
        this.statusCallback = URI.create(siteUrl).resolve(TwilioWebhooks.STATUS).toString();
    }

    sealed interface Outcome {}

    record Accepted(String sid, String status) implements Outcome {}

    record Refused(int code, String message) implements Outcome {}

    record Failed(String error) implements Outcome {}

    boolean configured() {
        return settings.twilio().configured();
    }

    Outcome send(String to, String body) {
        SmsSettings.Twilio twilio = settings.twilio();
        MessageCreator creator = twilio.from() != null && !twilio.from().isBlank()
                ? Message.creator(new PhoneNumber(to), new PhoneNumber(twilio.from()), body)
                : Message.creator(new PhoneNumber(to), twilio.messagingServiceSid(), body);
        try {
            Message message = creator.setStatusCallback(statusCallback).create(client());
            return new Accepted(message.getSid(), message.getStatus().toString());
        } catch (ApiException refused) {
            Integer code = refused.getCode();
            return code != null && PERMANENT.contains(code)
                    ? new Refused(code, refused.getMessage())
                    : new Failed("Twilio " + (code == null ? refused.getStatusCode() : code));
        } catch (TwilioException failed) {
            return new Failed(failed.getClass().getSimpleName());
        }
    }

    private TwilioRestClient client() {
        TwilioRestClient built = client;
        if (built == null) {
            SmsSettings.Twilio twilio = settings.twilio();
            built = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                    .httpClient(new RebasedHttpClient(twilio.api()))
                    .build();
            client = built;
        }
        return built;
    }
}
