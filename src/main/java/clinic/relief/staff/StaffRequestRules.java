package clinic.relief.staff;

import clinic.relief.shared.RequestRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the staff module's pages: sign-in and listed therapists' photos for everyone, API tokens for the owner.
 */
@Component
class StaffRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/staff/login")
                .permitAll()
                // A listed therapist's photo is public, as their name and license are.
                .requestMatchers(HttpMethod.GET, "/therapists/*/photo")
                .permitAll()
                .requestMatchers("/staff/api-tokens", "/staff/api-tokens/**")
                .hasRole("OWNER");
    }
}
