package clinic.relief.outcomes;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open outcomes: treatment notes for therapists and the owner (never the front desk), the results for the owner; the client's visit link (its token is the key) and the public results for everyone. */
@Component
class OutcomesRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/staff/notes", "/staff/notes/**")
                .hasAnyRole("OWNER", "THERAPIST")
                .requestMatchers("/staff/outcomes", "/staff/outcomes/**")
                .hasRole("OWNER")
                .requestMatchers("/outcomes/v/**", "/results")
                .permitAll();
    }
}
