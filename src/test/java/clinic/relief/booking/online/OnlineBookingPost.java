package clinic.relief.booking.online;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static clinic.relief.booking.online.DocumentsShown.documentsShown;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The online booking form as a test posts it to {@code /book/details}: a visitor's, with sensible personal details,
 * or a signed-in patient's, with none (the test adds the session cookie), both with the consents ticked.
 *
 * <p>Each field holds one value: {@link #with} replaces it (MockMvc's {@code param} would add a second one) and
 * {@link #without} leaves it out. Unless set or left out, {@code requestId} is fresh on every {@link #post()} and
 * {@code documentVersions} names the texts in effect, as the page would ({@link DocumentsShown}). Immutable.
 * (Not {@code OnlineBookingForm}: that is the controller's own record in this package, which a test class of the
 * same name would hide.)
 *
 * <pre>{@code
 * mvc.perform(OnlineBookingPost.visitor(email, "trigger-point:60", slot).with("conditions", "none").post())
 * }</pre>
 */
public record OnlineBookingPost(Map<String, String> fields, Set<String> leftOut) {

    private static final String REQUEST_ID = "requestId";
    private static final String DOCUMENT_VERSIONS = "documentVersions";

    public OnlineBookingPost {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        leftOut = Set.copyOf(leftOut);
    }

    /** A visitor's form (not signed in): Ana Reyes, born 1980-04-02, on 310 555 0101, booking {@code choice}. */
    public static OnlineBookingPost visitor(String email, String choice, String slot) {
        return patient(choice, slot)
                .named("Ana", "Reyes")
                .with("phone", "310 555 0101")
                .with("email", email)
                .with("dateOfBirth", "1980-04-02");
    }

    /** A signed-in patient's form: the {@code choice} (service:minutes), the {@code slot} and the consents. */
    public static OnlineBookingPost patient(String choice, String slot) {
        return new OnlineBookingPost(Map.of(), Set.of())
                .with("choice", choice)
                .with("slot", slot)
                .with("consentToTreatment", "true")
                .with("acceptsPrivacyNotice", "true");
    }

    /** This form with another first and last name. */
    public OnlineBookingPost named(String firstName, String lastName) {
        return with("firstName", firstName).with("lastName", lastName);
    }

    /** This form with the field {@code name} holding {@code value} (blank or bad ones too) instead of any other. */
    public OnlineBookingPost with(String name, String value) {
        return change(fields -> fields.put(name, value), leftOut -> leftOut.remove(name));
    }

    /** This form without the field {@code name}, as if the page had none. */
    public OnlineBookingPost without(String name) {
        return change(fields -> fields.remove(name), leftOut -> leftOut.add(name));
    }

    /** The request posting this form, with a CSRF token. */
    public MockHttpServletRequestBuilder post() {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post("/book/details").with(csrf());
        fields.forEach(request::param);
        if (filledByDefault(REQUEST_ID)) {
            request.param(REQUEST_ID, UUID.randomUUID().toString());
        }
        if (filledByDefault(DOCUMENT_VERSIONS)) {
            request.with(documentsShown());
        }
        return request;
    }

    private boolean filledByDefault(String name) {
        return !fields.containsKey(name) && !leftOut.contains(name);
    }

    private OnlineBookingPost change(Consumer<Map<String, String>> onFields, Consumer<Set<String>> onLeftOut) {
        Map<String, String> changedFields = new LinkedHashMap<>(fields);
        Set<String> changedLeftOut = new LinkedHashSet<>(leftOut);
        onFields.accept(changedFields);
        onLeftOut.accept(changedLeftOut);
        return new OnlineBookingPost(changedFields, changedLeftOut);
    }
}
