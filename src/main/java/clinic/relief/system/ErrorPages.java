package clinic.relief.system;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fallback for failures that no feature handled: a friendly page in the visitor's language, or a problem
 * document when the request was for the API. The unexpected is logged once and shows no internals.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;
    private final JsonMapper json;

    ErrorPages(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(
            HttpServletRequest request, HttpServletResponse response, HttpRequestMethodNotSupportedException ex) {
        // RFC 9110 (15.5.6): a 405 names the methods the resource does support.
        Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
        if (allowed != null && !allowed.isEmpty()) {
            response.setHeader(
                    HttpHeaders.ALLOW,
                    allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
        }
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedMediaType(HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler({
        ServletRequestBindingException.class,
        TypeMismatchException.class,
        BindException.class,
        HttpMessageNotReadableException.class,
        MultipartException.class,
        HandlerMethodValidationException.class,
        RequestRejectedException.class
    })
    ModelAndView badRequest(HttpServletRequest request, Exception ex) {
        if (ex instanceof MissingPathVariableException missing && !missing.isMissingAfterConversion()) {
            return unexpected(request, ex); // a path variable the mapping does not declare: our fault
        }
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_ACCEPTABLE);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(HttpServletRequest request, ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        return respond(
                request, status == null || status.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(HttpServletRequest request, Exception ex) {
        // A feature's expected failure can name its status with @ResponseStatus and need no handler of its own.
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null && declared.code().is4xxClientError()) {
            return respond(request, declared.code());
        }
        boolean busy = declared != null && declared.code() == HttpStatus.SERVICE_UNAVAILABLE;
        if (busy || Overload.isPoolExhausted(ex)) {
            // Overload, not a fault: say so briefly, without a stack trace per request.
            log.warn("Busy on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
            return respond(request, HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ModelAndView respond(HttpServletRequest request, HttpStatus status) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(messages.getMessage(
                    "problem.status." + status.value(),
                    null,
                    status.getReasonPhrase(),
                    LocaleContextHolder.getLocale()));
            return new ModelAndView(new ProblemView(json, problem));
        }
        ModelAndView page = new ModelAndView(status.is4xxClientError() ? "error/4xx" : "error/5xx", status);
        if (status == HttpStatus.NOT_FOUND) {
            page.setViewName("error/404");
        }
        page.addObject("status", status.value());
        return page;
    }
}
