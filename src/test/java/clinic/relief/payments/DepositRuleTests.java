package clinic.relief.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import clinic.relief.booking.Booking;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** What a service's deposit rule asks for, and that nothing is asked without a Stripe key. */
class DepositRuleTests {

    @Test
    void eachRuleAsksItsAmount() {
        BigDecimal price = new BigDecimal("120.00");
        assertThat(new DepositRule.None().amountFor(price)).isEqualTo(Money.ZERO);
        assertThat(new DepositRule.Fixed(Money.of("25")).amountFor(price)).isEqualTo(Money.of("25.00"));
        assertThat(new DepositRule.FullPrice().amountFor(price)).isEqualTo(Money.of("120.00"));
    }

    @Test
    void aFixedDepositBelowStripesSmallestChargeIsRefused() {
        assertThatThrownBy(() -> new DepositRule.Fixed(Money.of("0.49"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAStripeKeyNoDepositIsAskedAndNothingIsRead() {
        StripeGateway noStripe = new StripeGateway(new PaymentSettings(null, null, null));
        JdbcClient unused = JdbcClient.create(new DriverManagerDataSource());
        ServiceDeposits rules = new ServiceDeposits(
                new ServiceDepositStore(unused),
                noStripe,
                Clock.fixed(Instant.parse("2026-12-14T17:00:00Z"), ZoneOffset.UTC));
        Booking booking = mock(Booking.class);
        DepositBooking deposits =
                new DepositBooking(rules, mock(Deposits.class), booking, mock(VisitorDepositLinks.class));

        assertThat(rules.asked()).isFalse();
        assertThat(deposits.depositFor("trigger-point", 60)).isEqualTo(Money.ZERO);
        verifyNoInteractions(booking);
    }
}
