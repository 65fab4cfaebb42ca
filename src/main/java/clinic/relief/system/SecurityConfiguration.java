package clinic.relief.system;

import clinic.relief.patients.PatientSignIn;
import clinic.relief.shared.RequestRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The filter chains: how a request says who it is (a staff session, a patient's session, an API token, or no one),
 * and the headers every answer carries. Who may open what is not here: each module declares its own
 * {@link RequestRules} next to its controllers, and {@link AccessRules} applies them all, in the same way, to every
 * chain that authorises requests, refusing whatever a controller serves that no module named. Every form carries a
 * CSRF token; only the anonymous JSON APIs, which no cookie can authorise, are exempt (the pain finder's has a
 * stateless chain of its own, API tokens another).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: every script and stylesheet is a file served by the app. */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            // The card-on-file form is answered by a redirect to Stripe's hosted Checkout page, and the dues
            // authentication form by one to the bank's 3-D Secure page through Stripe.
            "form-action 'self' https://checkout.stripe.com https://hooks.stripe.com",
            "frame-ancestors 'none'");

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /**
     * The pain finder's public JSON API: anonymous, and no cookie can authorise it, so it runs stateless. No session
     * or security context is looked up or saved, no request is remembered for a later sign-in, no CSRF token is
     * loaded, and no form login or logout is matched; only the security headers are written. The painmap module's
     * rules permit all of it to everyone, and nothing behind it asks who is signed in, so this chain has no
     * authorisation filter ({@code RequestRulesTests} fails if a handler behind it is not permitted to everyone).
     * (Profiling showed the general chain's per-request work costing this API about twice what its ranking costs.)
     */
    @Bean
    @Order(0)
    SecurityFilterChain painFinderApiFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/pain-finder", "/api/pain-finder/**")
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable());
        return headers(http).build();
    }

    /**
     * Patients' own pages under {@code /account}: their own sign-in (role PATIENT, from {@link PatientSignIn}),
     * counted by the same throttle as staff sign-in. The portal's rules keep staff roles out of these pages, and no
     * module lets PATIENT open a staff page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain patientFilterChain(
            HttpSecurity http,
            AccessRules rules,
            PatientSignIn signIn,
            PasswordEncoder passwords,
            ApplicationEventPublisher events)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(signIn::load);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        http.securityMatcher("/account/**")
                .authenticationManager(manager)
                .formLogin(form -> form.loginPage("/account/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/account", false)
                        .failureUrl("/account/login?error"))
                .logout(logout -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/?signedOut"));
        rules.authorize(http);
        return headers(http).build();
    }

    /**
     * Everything else: the public site, staff pages (staff sign-in), and the JSON API for a session or no one. An API
     * request that carries no one is answered 401 and a refused one 403, as problem details, never with the HTML
     * sign-in page.
     */
    @Bean
    @Order(3)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessRules rules, ApiAccessProblems problems)
            throws Exception {
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/staff/login");
        AuthenticationEntryPoint apiSignIn = problems.signInFirst(ApiAccessProblems.SESSION);
        AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();
        AccessDeniedHandler apiRefusal = problems.refuse(ApiAccessProblems.SESSION);
        http.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                                (API.matches(request) ? apiSignIn : signIn).commence(request, response, e))
                        .accessDeniedHandler((request, response, e) ->
                                (API.matches(request) ? apiRefusal : refusal).handle(request, response, e)))
                .formLogin(form -> form.loginPage("/staff/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/staff", true)
                        // One message for every failure (wrong password, unknown email, paused after failures):
                        // the page must not tell an attacker which of these it was.
                        .failureUrl("/staff/login?error"))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/?signedOut"))
                // Stripe's and Twilio's webhooks carry their signatures instead of a CSRF token (checked by
                // payments.StripeWebhook and sms.TwilioWebhooks).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        "/api/service-area/**", "/payments/stripe/webhook", "/sms/twilio/**"));
        rules.authorize(http);
        return headers(http).build();
    }

    static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
    }

    /**
     * No Spring Security observations: nothing here reads them (no metrics backend), and with an observation registry
     * present every filter of every chain, every authorisation and every authentication is wrapped to record one,
     * which showed in each request's profile under load even with the observations switched off by property.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
