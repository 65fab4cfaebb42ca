package clinic.relief.system;

import clinic.relief.patients.PatientSignIn;
import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may see what. Public pages and the public API are open; everything under {@code /staff} needs a staff role.
 * Every form carries a CSRF token; only the anonymous JSON APIs, which no cookie can authorise, are exempt (the pain
 * finder's has a stateless chain of its own).
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
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The pain finder's public JSON API: anonymous, and no cookie can authorise it, so it runs stateless. No session
     * or security context is looked up or saved, no request is remembered for a later sign-in, no CSRF token is
     * loaded, and no form login or logout is matched; only the security headers are written. Every request is
     * permitted, as it was under the general chain, and nothing behind it asks who is signed in. (Profiling showed
     * the general chain's per-request work costing this API about twice what its ranking costs.)
     */
    @Bean
    @Order(0)
    SecurityFilterChain painFinderApiFilterChain(HttpSecurity http) throws Exception {
        // No authorisation rules, so no authorisation filter: every request of this chain is permitted.
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
     * counted by the same throttle as staff sign-in. Staff roles do not open these pages, and PATIENT opens no staff
     * page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain patientFilterChain(
            HttpSecurity http, PatientSignIn signIn, PasswordEncoder passwords, ApplicationEventPublisher events)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(signIn::load);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        http.securityMatcher("/account/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers(
                                        "/account/login",
                                        "/account/signup",
                                        "/account/check-email",
                                        "/account/verify",
                                        "/account/forgot",
                                        "/account/reset")
                                .permitAll()
                                .anyRequest()
                                .hasRole("PATIENT"))
                .formLogin(form -> form.loginPage("/account/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/account", false)
                        .failureUrl("/account/login?error"))
                .logout(logout -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/?signedOut"));
        return headers(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers("/staff/login")
                        .permitAll()
                        // Booking for callers and changing appointments: front desk and owner; therapists only read.
                        .requestMatchers(
                                "/staff/booking/new",
                                "/staff/booking/patients",
                                "/staff/booking/rooms",
                                "/staff/booking/*/reschedule",
                                "/staff/booking/requests")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        .requestMatchers(HttpMethod.POST, "/staff/booking/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        // The patient chart: merging duplicates is the owner's; contact edits and the staff
                        // waitlist are the desk's and the owner's. Reading the list and chart: every staff role.
                        .requestMatchers("/staff/patients/*/merge")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/staff/patients/*/contact")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        .requestMatchers("/staff/waitlist", "/staff/waitlist/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        // Who read which clinical record: the owner only.
                        .requestMatchers(
                                "/staff/audit/**",
                                "/staff/api-tokens/**",
                                "/staff/api-tokens",
                                "/staff/schedules",
                                "/staff/schedules/**")
                        .hasRole("OWNER")
                        // Billing: money and balances are for the desk and the owner; the reports for the owner only.
                        .requestMatchers("/staff/billing/reports/**", "/staff/billing/reports")
                        .hasRole("OWNER")
                        .requestMatchers("/staff/billing/**", "/staff/billing")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        // Insurance (coverage, prescriptions with diagnoses, claims): front desk and owner only.
                        .requestMatchers("/staff/insurance/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        // Treatment notes: therapists and the owner, never the front desk; the results: the owner.
                        .requestMatchers("/staff/notes", "/staff/notes/**")
                        .hasAnyRole("OWNER", "THERAPIST")
                        .requestMatchers("/staff/outcomes/**")
                        .hasRole("OWNER")
                        .requestMatchers("/staff/**")
                        .hasAnyRole("OWNER", "FRONT_DESK", "THERAPIST")
                        // Appointments carry patients' names: front desk and owner only (therapists use their day
                        // view).
                        .requestMatchers("/api/booking/appointments/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        .requestMatchers("/admin/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        .requestMatchers("/api/waitlist/**")
                        .hasAnyRole("PATIENT", "OWNER", "FRONT_DESK")
                        .requestMatchers("/actuator/health", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("OWNER")
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/staff/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/staff", true)
                        // One message for every failure (wrong password, unknown email, paused after failures):
                        // the page must not tell an attacker which of these it was.
                        .failureUrl("/staff/login?error"))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/?signedOut"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/service-area/**"));
        return headers(http).build();
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
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
