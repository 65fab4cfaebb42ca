package clinic.relief.payments;

import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Card charges under way across the three kinds of attempt that charge an invoice: the desk checkout's ({@code
 * payments_desk_checkout}), a fee's ({@code payments_fee}) and a membership month's ({@code payments_dues}). Each is
 * committed as CHARGING before Stripe is called, under the invoice's lock; one the patient's bank must confirm
 * (AUTHENTICATING, 3-D Secure) is still under way, as the patient may complete it.
 */
@Repository
class CardChargeStore {

    private final JdbcClient jdbc;

    CardChargeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the invoice's card attempts waiting for Stripe's or the patient's bank's answer come to (zero when none is). */
    Money underWay(UUID invoiceId) {
        return jdbc.sql("""
                select (select coalesce(sum(charge_amount), 0) from payments_desk_checkout
                        where invoice_id = :i and state in ('CHARGING', 'AUTHENTICATING'))
                     + (select coalesce(sum(amount), 0) from payments_fee
                        where invoice_id = :i and state in ('CHARGING', 'AUTHENTICATING'))
                     + (select coalesce(sum(amount), 0) from payments_dues
                        where invoice_id = :i and state in ('CHARGING', 'AUTHENTICATING'))
                """)
                .param("i", invoiceId)
                .query((rs, n) -> Money.of(rs.getBigDecimal(1)))
                .single();
    }
}
