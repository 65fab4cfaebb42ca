package clinic.relief.staff;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the staff module's pages: sign-in for everyone, the staff home for every staff role, API tokens for the owner. */
@Component
class StaffRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/staff/login")
                .permitAll()
                .requestMatchers("/staff/api-tokens", "/staff/api-tokens/**")
                .hasRole("OWNER");
    }
}
