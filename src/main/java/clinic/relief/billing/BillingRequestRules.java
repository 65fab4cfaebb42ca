package clinic.relief.billing;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open billing: money and balances are for the front desk and the owner; the reports for the owner only. */
@Component
class BillingRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/staff/billing/reports", "/staff/billing/reports/**")
                .hasRole("OWNER")
                .requestMatchers("/staff/billing", "/staff/billing/**")
                .hasAnyRole("OWNER", "FRONT_DESK");
    }
}
