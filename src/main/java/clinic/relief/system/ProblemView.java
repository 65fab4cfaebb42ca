package clinic.relief.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link ProblemDetail} as {@code application/problem+json}, for errors raised before a controller ran. */
class ProblemView implements View {

    private final JsonMapper json;
    private final ProblemDetail problem;

    ProblemView(JsonMapper json, ProblemDetail problem) {
        this.json = json;
        this.problem = problem;
    }

    @Override
    public String getContentType() {
        return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        response.setStatus(problem.getStatus());
        response.setContentType(getContentType());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
