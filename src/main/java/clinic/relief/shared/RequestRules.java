package clinic.relief.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One module's rules for who may open its pages and APIs. Each module that serves requests declares one bean of this
 * type next to its controllers, naming every path they serve and who may open it (a role, several, or
 * {@code permitAll()}):
 *
 * <pre>{@code
 * @Component
 * class BillingRequestRules implements RequestRules {
 *     @Override
 *     public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
 *         requests.requestMatchers("/staff/billing/reports", "/staff/billing/reports/**").hasRole("OWNER")
 *                 .requestMatchers("/staff/billing", "/staff/billing/**").hasAnyRole("OWNER", "FRONT_DESK");
 *     }
 * }
 * }</pre>
 *
 * <p>The security configuration applies every module's rules to every filter chain that authorises requests (a staff
 * session, a patient's session and an API token pass the same rules), after permitting error and forward dispatches,
 * and ends in a rule that refuses whatever a controller serves that no module named. Within a module the first
 * matching rule decides, so the narrower rule comes first; between modules the order is not defined, so a module names
 * only its own paths, never a catch-all such as {@code /staff/**}. {@code RequestRulesTests} walks every mapped
 * handler and fails when one is named by no module, or by a module other than its own.
 *
 * <p>Deliberately not a {@code Customizer}: Spring Security applies every {@code Customizer} bean of the registry's
 * type to every {@code HttpSecurity} by itself, at no defined place among a chain's rules.
 */
@FunctionalInterface
public interface RequestRules {

    /** Adds this module's rules, narrowest first; never {@code anyRequest()}. */
    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
