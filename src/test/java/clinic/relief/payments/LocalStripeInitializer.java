package clinic.relief.payments;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application at the {@link LocalStripe} (registered in {@code META-INF/spring.factories}), with
 * its test keys and webhook secret; the local Stripe then takes its time from the application's clock.
 */
public class LocalStripeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalStripe stripe = LocalStripe.get();
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "localStripe",
                        Map.of(
                                "relief.payments.stripe.secret-key", LocalStripe.SECRET_KEY,
                                "relief.payments.stripe.publishable-key", LocalStripe.PUBLISHABLE_KEY,
                                "relief.payments.stripe.webhook-secret", LocalStripe.WEBHOOK_SECRET,
                                "relief.payments.stripe.api-base", stripe.apiBase())));
        // Desk checkout's card reader (issue 19.5): the local Stripe's simulated reader.
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "localStripeReader", Map.of("relief.payments.checkout.reader-id", LocalStripe.READER)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed
                    && refreshed.getApplicationContext().getBeanNamesForType(Clock.class).length > 0) {
                stripe.useClock(refreshed.getApplicationContext().getBean(Clock.class));
            }
        });
    }
}
