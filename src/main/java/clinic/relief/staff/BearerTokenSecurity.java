package clinic.relief.staff;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * API requests that carry {@code Authorization: Bearer}: a stateless chain of their own, checked before the
 * browser chain. No session and no CSRF token (no cookie can authorise these requests); an unknown or revoked token
 * is a 401 problem, a role without access a 403 problem. Requests without a bearer token never reach this chain.
 */
@Configuration(proxyBeanMethods = false)
class BearerTokenSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain bearerTokenChain(HttpSecurity http, ApiTokens tokens, MessageSource messages, JsonMapper json)
            throws Exception {
        TokenProblems problems = new TokenProblems(messages, json);
        http.securityMatcher(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && bearer(request) != null)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/booking/appointments/**")
                        .hasAnyRole("OWNER", "FRONT_DESK")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new TokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                // The token filter sets and clears the security context itself, and answers 401 for a token it does
                // not know, so nothing is loaded from or saved to a session, nobody is ever anonymous here, and no
                // sign-out is matched: those filters only cost the busiest API time on every request.
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> problems.write(request, response, 401))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, 403)));
        return http.build();
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    /** Authenticates the request as the token's role, or answers 401 at once. */
    static final class TokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final TokenProblems problems;

        TokenFilter(ApiTokens tokens, TokenProblems problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var holder = tokens.authenticate(bearer(request));
            if (holder.isEmpty()) {
                problems.write(request, response, 401);
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "api-token:" + holder.get().name(),
                    null,
                    List.of(new SimpleGrantedAuthority(holder.get().role().authority()))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
