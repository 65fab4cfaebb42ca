package clinic.relief.system;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link InputRules} to every value bound from a request (form fields, request parameters, path variables)
 * in every controller. A refused form field becomes a field error (code {@code typeMismatch}, shown next to the
 * field, localized); a refused parameter or path variable answers 400.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class InputBinding {

    @InitBinder
    void applyInputRules(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Checked(InputRules::text, true));
        binder.registerCustomEditor(
                LocalDate.class, new Checked(text -> InputRules.date(LocalDate.parse(text.strip())), false));
        binder.registerCustomEditor(BigDecimal.class, new Checked(InputRules::number, false));
    }

    /** Text to a value through {@code parse}; any failure is a type mismatch; blank is no value, but for text. */
    private static final class Checked extends PropertyEditorSupport {

        private final Function<String, ?> parse;
        private final boolean textual;

        Checked(Function<String, ?> parse, boolean textual) {
            this.parse = parse;
            this.textual = textual;
        }

        @Override
        public void setAsText(String text) {
            boolean empty = text == null || (!textual && text.isBlank());
            try {
                setValue(empty ? null : parse.apply(text));
            } catch (RuntimeException refused) {
                throw refused instanceof IllegalArgumentException ? refused : new IllegalArgumentException(refused);
            }
        }
    }
}
