package clinic.relief.demo;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import clinic.relief.shared.TravellingClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo writes its history the application's clock is months in the past, so a page served then would show
 * that past as today (and a booking made then would be booked in it). Until the clock is home, every page answers
 * 503 with the error page's "starting up" text and a {@code Retry-After}; the stylesheets and images still load.
 */
@Component
@Profile("demo")
@ConditionalOnProperty("relief.demo.history.enabled")
class HistoryInProgress extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "20";

    private static final List<String> ASSETS = List.of("/css/", "/js/", "/img/", "/favicon");

    private final Clock clock;

    HistoryInProgress(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (clock instanceof TravellingClock travelling && travelling.travelling() && !asset(request)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean asset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ASSETS.stream().anyMatch(path::startsWith);
    }
}
