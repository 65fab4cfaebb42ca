package clinic.relief.system;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import clinic.relief.staff.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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

/**
 * API requests that carry {@code Authorization: Bearer}: a stateless chain of their own, checked before the browser
 * chains, passing the same {@link AccessRules} as a signed-in member of the token's role. No session and no CSRF token
 * (no cookie can authorise these requests); an unknown or revoked token is a 401 problem, a role without access a 403
 * problem. Requests without a bearer token never reach this chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiTokenFilterChain(
            HttpSecurity http, AccessRules rules, ApiTokens tokens, ApiAccessProblems problems) throws Exception {
        http.securityMatcher(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && bearer(request) != null)
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
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems.signInFirst(ApiAccessProblems.TOKEN))
                                .accessDeniedHandler(problems.refuse(ApiAccessProblems.TOKEN)));
        rules.authorize(http);
        return SecurityConfiguration.headers(http).build();
    }

    static @Nullable String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    /** Authenticates the request as the token's role, or answers 401 at once. */
    static final class TokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final ApiAccessProblems problems;

        TokenFilter(ApiTokens tokens, ApiAccessProblems problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = bearer(request);
            Optional<ApiTokens.Holder> holder = token == null ? Optional.empty() : tokens.authenticate(token);
            if (holder.isEmpty()) {
                problems.write(request, response, 401, ApiAccessProblems.TOKEN);
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
