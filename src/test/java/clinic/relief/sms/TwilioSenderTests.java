package clinic.relief.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender Twilio's SDK names, as configured under {@code relief.sms.twilio}: a messaging service
 * ({@code messaging-service-sid}) instead of a {@code from} number reaches the local Twilio as
 * {@code MessagingServiceSid} with no {@code From}, and a {@code from} number as {@code From} alone.
 */
class TwilioSenderTests {

    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    private final LocalTwilio twilio = LocalTwilio.shared();

    @Test
    void aMessagingServiceInsteadOfAFromNumberIsSentAsMessagingServiceSidWithoutFrom() {
        SmsSettings settings = settings(Map.of("from", "", "messaging-service-sid", SERVICE));
        assertThat(settings.twilio().configured()).isTrue();
        String to = newPhone();

        TwilioGateway.Outcome outcome = new TwilioGateway(settings, "http://localhost:8080").send(to, "Hello");

        assertThat(twilio.sentTo(to)).hasSize(1);
        LocalTwilio.Created sent = twilio.sentTo(to).get(0);
        assertThat(outcome).isEqualTo(new TwilioGateway.Accepted(sent.sid(), "queued"));
        assertThat(sent.messagingServiceSid()).isEqualTo(SERVICE);
        assertThat(sent.parameters())
                .contains("To", "Body", "MessagingServiceSid")
                .doesNotContain("From");
        assertThat(sent.from()).isEmpty();
    }

    @Test
    void aFromNumberIsSentAsFromWithoutAMessagingService() {
        SmsSettings settings = settings(Map.of("from", LocalTwilio.FROM));
        String to = newPhone();

        new TwilioGateway(settings, "http://localhost:8080").send(to, "Hello");

        LocalTwilio.Created sent = twilio.sentTo(to).get(0);
        assertThat(sent.from()).isEqualTo(LocalTwilio.FROM);
        assertThat(sent.parameters()).contains("From").doesNotContain("MessagingServiceSid");
    }

    @Test
    void anAccountWithNeitherAFromNumberNorAMessagingServiceIsNotConfigured() {
        assertThat(settings(Map.of()).twilio().configured()).isFalse();
        assertThat(settings(Map.of("from", " ", "messaging-service-sid", ""))
                        .twilio()
                        .configured())
                .isFalse();
    }

    /** The settings as Spring Boot binds them from {@code relief.sms.twilio.*}, the account pointing at the local Twilio. */
    private SmsSettings settings(Map<String, String> sender) {
        Map<String, String> properties = new HashMap<>();
        properties.put("relief.sms.twilio.account-sid", LocalTwilio.ACCOUNT_SID);
        properties.put("relief.sms.twilio.auth-token", LocalTwilio.AUTH_TOKEN);
        properties.put("relief.sms.twilio.api-base", twilio.baseUrl());
        sender.forEach((name, value) -> properties.put("relief.sms.twilio." + name, value));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("relief.sms", SmsSettings.class)
                .get();
    }

    /** A valid Los Angeles mobile-style number no other test uses. */
    private static String newPhone() {
        return "+1213" + (200 + ThreadLocalRandom.current().nextInt(800))
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }
}
