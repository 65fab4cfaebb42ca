package clinic.relief.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away request bodies over the limit before anything reads them: a 413 problem for the API, the error page
 * for everything else. Bodies that do not declare their length are refused as well; browsers and API clients
 * always declare it for the small bodies this application accepts. File uploads are governed by the multipart limits.
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimit(DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tooLarge(request)) {
            reject(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean tooLarge(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return false;
        }
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        return length > limit || (length < 0 && chunked);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"The request body is larger than " + limit + " bytes.\"}");
            return;
        }
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
}
