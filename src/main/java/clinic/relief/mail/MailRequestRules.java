package clinic.relief.mail;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the outbox: the front desk and the owner (secret links are redacted there). */
@Component
class MailRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/admin/outbox", "/admin/outbox/**").hasAnyRole("OWNER", "FRONT_DESK");
    }
}
