package clinic.relief.insurance;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open insurance (coverage, prescriptions with diagnoses, claims): the front desk and the owner only; the
 * therapists' identities on claims (NPI, taxonomy): the owner. The claims API ({@code /api/insurance}) likewise.
 */
@Component
class InsuranceRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/staff/insurance/therapists", "/staff/insurance/therapists/**")
                .hasRole("OWNER")
                .requestMatchers("/staff/insurance", "/staff/insurance/**")
                .hasAnyRole("OWNER", "FRONT_DESK")
                .requestMatchers("/api/insurance/**")
                .hasAnyRole("OWNER", "FRONT_DESK");
    }
}
