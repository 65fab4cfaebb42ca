package clinic.relief.payments;

import clinic.relief.shared.RequestRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open payments: Stripe's signed webhook (the signature decides), the e-mailed card links and links to confirm a payment with the bank and a
 * visitor's deposit link (their tokens decide) for everyone; the reconciliation with Stripe for the owner; fee actions and sending the link for the desk.
 */
@Component
class PaymentsRequestRules implements RequestRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        StripeWebhook.PATH,
                        "/payments/card",
                        "/payments/card/saved",
                        "/payments/dues",
                        "/payments/dues/done",
                        "/payments/confirm",
                        "/payments/confirm/done",
                        VisitorDepositPages.PATH,
                        VisitorDepositPages.PATH + "/**")
                .permitAll()
                .requestMatchers("/staff/payments/reconciliation", DepositSettingsPages.PATH)
                .hasRole("OWNER")
                .requestMatchers("/staff/payments", "/staff/payments/**")
                .hasAnyRole("OWNER", "FRONT_DESK");
    }
}
