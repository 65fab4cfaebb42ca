package clinic.relief.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes the 401 and 403 problems of the bearer-token chain (RFC 9457), before any controller runs. */
final class TokenProblems {

    private final MessageSource messages;
    private final JsonMapper json;

    TokenProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("staff.tokens.problem." + status, null, request.getLocale()));
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
