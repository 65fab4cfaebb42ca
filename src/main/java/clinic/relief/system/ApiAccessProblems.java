package clinic.relief.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's answers when a request may not pass (RFC 9457 problem details), written before any controller
 * runs: 401 when the request carries no one (no session, no token, or a token nobody knows), 403 when it does and
 * that role may not do this. Never a redirect to an HTML sign-in page.
 */
@Component
class ApiAccessProblems {

    /** Titles for requests without a token: {@code problem.status.401} and {@code .403}. */
    static final String SESSION = "problem.status.";
    /** Titles for requests with a bearer token: {@code staff.tokens.problem.401} and {@code .403}. */
    static final String TOKEN = "staff.tokens.problem.";

    private final MessageSource messages;
    private final JsonMapper json;

    ApiAccessProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    AuthenticationEntryPoint signInFirst(String titles) {
        return (request, response, e) -> write(request, response, 401, titles);
    }

    /** A refusal for someone signed in is 403; for no one (a missing CSRF token is found before that) it is 401. */
    AccessDeniedHandler refuse(String titles) {
        return (request, response, e) -> write(request, response, signedIn() ? 403 : 401, titles);
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String titles) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(titles + status, null, request.getLocale()));
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }
}
