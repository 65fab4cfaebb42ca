package clinic.relief.portal;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the portal: sign-up, sign-in and the pages behind e-mailed links (an appointment's manage link among them) for everyone; the rest of {@code /account} for a signed-in patient only (never staff). */
@Component
class PortalRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        "/account/login",
                        "/account/signup",
                        "/account/check-email",
                        "/account/verify",
                        "/account/create",
                        "/account/forgot",
                        "/account/reset",
                        "/waitlist/offer",
                        "/manage",
                        "/manage/**",
                        "/intake",
                        "/intake/signed",
                        "/intake/documents/*/*")
                .permitAll()
                .requestMatchers("/account", "/account/**")
                .hasRole("PATIENT");
    }
}
