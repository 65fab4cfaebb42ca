package clinic.relief.painmap;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the pain finder: everyone, its page and its API (which runs on a stateless chain of its own). */
@Component
class PainMapRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/pain-finder", "/pain-finder/**", "/api/pain-finder", "/api/pain-finder/**")
                .permitAll();
    }
}
