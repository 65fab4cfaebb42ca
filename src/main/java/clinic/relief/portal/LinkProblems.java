package clinic.relief.portal;

import java.net.URI;
import java.util.Locale;

import clinic.relief.patients.BadLink;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An e-mailed link that is unknown, used or expired, from any page or API: a page (or problem) that says which, in
 * the visitor's language, and that nothing was changed. 404 for an unknown link, 410 for a spent one.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LinkProblems {

    private final MessageSource messages;

    LinkProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadLink.class)
    Object badLink(BadLink bad, HttpServletRequest request, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(bad.status());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setType(URI.create("urn:relief:link:" + bad.reason().name().toLowerCase(Locale.ROOT)));
            problem.setTitle(messages.getMessage("portal.link." + bad.reason().name() + ".title", null, locale));
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView("portal/link-problem", status);
        page.addObject("reason", bad.reason().name());
        page.addObject("reset", request.getRequestURI().startsWith(request.getContextPath() + "/account/reset"));
        // A spent account offer most likely made the account already: signing in is the way on.
        page.addObject("signIn", request.getRequestURI().equals(request.getContextPath() + "/account/create"));
        return page;
    }
}
