package clinic.relief.sms;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Text messages from {@code relief.sms.*}: Twilio's account (without an account SID and auth token nothing is sent),
 * how long before a visit the reminder leaves, and the quiet hours (clinic time) in which no text leaves.
 */
@ConfigurationProperties("relief.sms")
public record SmsSettings(Twilio twilio, Duration reminderBefore, LocalTime quietFrom, LocalTime quietUntil) {

    public SmsSettings {
        twilio = twilio == null ? new Twilio(null, null, null, null, null) : twilio;
        reminderBefore = reminderBefore == null ? Duration.ofHours(24) : reminderBefore;
        quietFrom = quietFrom == null ? LocalTime.of(21, 0) : quietFrom;
        quietUntil = quietUntil == null ? LocalTime.of(8, 0) : quietUntil;
    }

    /**
     * Twilio's account SID and auth token, the sender ({@code from} number, or a messaging service SID), and the
     * REST API's address ({@code https://api.twilio.com} unless a test points it at its own server).
     */
    public record Twilio(
            @Nullable String accountSid,
            @Nullable String authToken,
            @Nullable String from,
            @Nullable String messagingServiceSid,
            @Nullable URI apiBase) {

        /** Whether texts can be sent: an account, its token and a sender are all set. */
        public boolean configured() {
            return present(accountSid) && present(authToken) && (present(from) || present(messagingServiceSid));
        }

        URI api() {
            return Optional.ofNullable(apiBase).orElse(URI.create("https://api.twilio.com"));
        }

        private static boolean present(@Nullable String value) {
            return value != null && !value.isBlank();
        }
    }
}
