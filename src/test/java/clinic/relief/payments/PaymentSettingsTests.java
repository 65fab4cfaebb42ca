package clinic.relief.payments;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a Stripe key payments stay manual: nothing calls Stripe, and what would is a clear refusal. */
class PaymentSettingsTests {

    @Test
    void withoutASecretKeyStripeIsOffAndEveryCallIsRefusedAsManual() {
        PaymentSettings none = new PaymentSettings(null, null, null);
        StripeGateway gateway = new StripeGateway(none);

        assertThat(gateway.enabled()).isFalse();
        assertThat(none.feeWaiveWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(none.stripe().base()).isEqualTo("https://api.stripe.com");
        assertThatThrownBy(() -> gateway.createCustomer(UUID.randomUUID()))
                .isInstanceOf(PaymentsFailure.class)
                .extracting(failure -> ((PaymentsFailure) failure).code())
                .isEqualTo("payments.problem.manual");
    }

    @Test
    void aBlankKeyCountsAsNone() {
        PaymentSettings blank =
                new PaymentSettings(new PaymentSettings.Stripe(" ", null, null, "http://127.0.0.1:1"), null, null);

        assertThat(new StripeGateway(blank).enabled()).isFalse();
        assertThat(blank.stripe().base()).isEqualTo("http://127.0.0.1:1");
    }
}
