package clinic.relief.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputRules} to every JSON body the APIs read: a string with a NUL, a far date or a huge number
 * makes the body unreadable (400 problem), before any feature sees it. Spring Boot adds this module to its JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
class InputJson {

    private static final Set<Class<?>> CHECKED = Set.of(String.class, LocalDate.class, Instant.class, BigDecimal.class);

    @Bean
    JacksonModule inputRules() {
        return new SimpleModule("relief-input-rules").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> found) {
                return CHECKED.contains(description.getBeanClass()) ? new Checked(found) : found;
            }
        });
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            try {
                if (value != null) {
                    InputRules.check(value);
                }
            } catch (InputRules.Refused refused) {
                InvalidFormatException invalid =
                        InvalidFormatException.from(parser, refused.messageKey(), value, value.getClass());
                invalid.initCause(refused);
                throw invalid;
            }
            return value;
        }
    }
}
