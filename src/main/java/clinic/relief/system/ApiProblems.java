package clinic.relief.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every failure of a JSON endpoint: Spring MVC's own exceptions with localized titles,
 * bean validation with one entry per field under {@code errors}, and anything unexpected as a bare 500 that shows no
 * internals. Features map their own domain exceptions in their own controllers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("problem.validation.title", null, locale));
        problem.setDetail(messages.getMessage("problem.validation.detail", null, locale));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error, locale))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return withRule(ex, super.handleTypeMismatch(ex, headers, status, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return withRule(ex, super.handleHttpMessageNotReadable(ex, headers, status, request));
    }

    /**
     * A multipart body the container could not parse (no boundary, cut short), or a header value the firewall refuses
     * once a handler reads it (a control character in a webhook's signature): the client's fault.
     */
    @ExceptionHandler({MultipartException.class, RequestRejectedException.class})
    ResponseEntity<ProblemDetail> unreadableMultipart(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("problem.status.400", null, LocaleContextHolder.getLocale()));
        problem.setDetail(messages.getMessage("problem.unreadable.400", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // A feature's expected failure can name its status with @ResponseStatus and need no handler of its own.
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null && declared.code().is4xxClientError()) {
            ProblemDetail problem = ProblemDetail.forStatus(declared.code());
            problem.setTitle(messages.getMessage(
                    "problem.status." + declared.code().value(),
                    null,
                    declared.code().getReasonPhrase(),
                    LocaleContextHolder.getLocale()));
            return ResponseEntity.status(declared.code()).body(problem);
        }
        boolean busy = declared != null && declared.code() == HttpStatus.SERVICE_UNAVAILABLE;
        if (busy || Overload.isPoolExhausted(ex)) {
            log.warn("Busy, answering 503: {}", ex.getMessage());
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
            problem.setTitle(messages.getMessage("problem.busy.title", null, LocaleContextHolder.getLocale()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Overload.RETRY_AFTER_SECONDS)
                    .body(problem);
        }
        log.error("Unexpected failure in an API request", ex);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setTitle(messages.getMessage("problem.unexpected.title", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.internalServerError().body(problem);
    }

    /** The answer, with the input rule the value broke as its detail when that is why it was refused. */
    private ResponseEntity<Object> withRule(Exception ex, ResponseEntity<Object> answer) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRules.Refused refused && answer.getBody() instanceof ProblemDetail problem) {
                problem.setDetail(messages.getMessage(
                        refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale()));
            }
        }
        return answer;
    }

    private Map<String, String> fieldError(FieldError error, Locale locale) {
        return Map.of("field", error.getField(), "message", messages.getMessage(error, locale));
    }
}
