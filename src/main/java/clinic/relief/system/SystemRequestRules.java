package clinic.relief.system;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The shared files and pages every visitor may open, the API description, and the actuator (the owner's). */
@Component
class SystemRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
                .permitAll()
                .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers("/actuator", "/actuator/**")
                .hasRole("OWNER");
    }
}
