package clinic.relief.clinic;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the clinic's pages: the public site and the service area check are for everyone. */
@Component
class ClinicRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/", "/services", "/therapists", "/insurance", "/service-area", "/contact")
                .permitAll()
                .requestMatchers("/api/service-area", "/api/service-area/**")
                .permitAll();
    }
}
