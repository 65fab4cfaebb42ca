package clinic.relief.sms;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Twilio's webhooks are open to everyone (each request proves itself with Twilio's signature); consent and the inbox
 * are the front desk's and the owner's.
 */
@Component
class SmsRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(TwilioWebhooks.INBOUND, TwilioWebhooks.STATUS)
                .permitAll()
                .requestMatchers("/staff/sms", "/staff/sms/**")
                .hasAnyRole("OWNER", "FRONT_DESK");
    }
}
