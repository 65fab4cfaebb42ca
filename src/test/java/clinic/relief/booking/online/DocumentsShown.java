package clinic.relief.booking.online;

import clinic.relief.patients.IntakeForms;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * What a booking page's form carries and a test posting {@code /book/details} by hand must carry too: the hidden
 * {@code documentVersions} field naming the consent and privacy versions the page linked (those in effect when the
 * request is made). A form without it is refused as if the texts had changed.
 */
public final class DocumentsShown {

    private DocumentsShown() {}

    /** Adds the versions in effect, read from the application the request goes to. */
    public static RequestPostProcessor documentsShown() {
        return request -> {
            IntakeForms forms = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                    .getBean(IntakeForms.class);
            request.setParameter(
                    "documentVersions", forms.consentVersionsInEffect().shown());
            return request;
        };
    }
}
