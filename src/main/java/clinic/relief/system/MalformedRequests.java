package clinic.relief.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns away requests that cannot be read before anything reads them: a path or query string whose percent-encoding
 * is broken, is not UTF-8 or carries a control character (400); parameters or multipart parts the container cannot
 * parse (400), or an upload over the multipart limits (413). A request for {@code /error} itself is a 404. Answers a
 * problem document under {@code /api/} and the error page elsewhere. Also gives every response a buffer large enough
 * that a long page is not sent before its form asks for the session that holds its CSRF token.
 */
class MalformedRequests extends OncePerRequestFilter {

    static final int RESPONSE_BUFFER = 64 * 1024;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    MalformedRequests(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ((request.getContextPath() + "/error").equals(request.getRequestURI())) {
            reject(request, response, HttpStatus.NOT_FOUND);
            return;
        }
        if (!readable(request.getRequestURI(), false) || !readable(request.getQueryString(), true)) {
            reject(request, response, HttpStatus.BAD_REQUEST);
            return;
        }
        HttpStatus unreadable = unreadableParameters(request);
        if (unreadable != null) {
            reject(request, response, unreadable);
            return;
        }
        if (response.getBufferSize() < RESPONSE_BUFFER) {
            response.setBufferSize(RESPONSE_BUFFER);
        }
        chain.doFilter(request, response);
    }

    /** Parses the parameters (and parts) now, so that a failure is a 4xx here and not a 500 in whatever reads first. */
    private static HttpStatus unreadableParameters(HttpServletRequest request) {
        try {
            request.getParameterMap();
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
                request.getParts();
            }
            return null;
        } catch (IllegalStateException | IOException | ServletException failed) {
            return tooLarge(failed) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        }
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("exceed") || t.getClass().getSimpleName().contains("SizeLimit")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code raw} is well-formed percent-encoded UTF-8 without control characters (tab and newlines allowed in a query). */
    static boolean readable(String raw, boolean query) {
        if (raw == null) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(c);
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return decoded.chars().noneMatch(c -> c < 0x20 && !(query && (c == '\t' || c == '\n' || c == '\r')));
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(status.value());
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(
                messages.getMessage("problem.status." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem.unreadable." + status.value(), null, null, locale));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
