package clinic.relief.billing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.billing.CreditLedger.ts;

/**
 * Gift cards: sold at the desk, spent as payments against invoices ({@link Payments}). A balance exists only as the
 * sum of a card's ledger rows. A redemption locks the card row first, so two desks spending the same card at once
 * queue up and the second sees what the first left.
 */
@Service
public class GiftCards {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GiftCards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a card for the amount paid; a code already in use is a conflict with nothing written. */
    @Transactional
    public GiftCard sell(SellGiftCard sale, String soldBy) {
        UUID id = UUID.randomUUID();
        String code = sale.code() != null ? sale.code() : newCode();
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into billing_gift_card values (:id, :code, :method, :by, :at)").param("id", id)
                    .param("code", code).param("method", sale.paidWith().name()).param("by", soldBy)
                    .param("at", ts(now)).update();
        } catch (DuplicateKeyException taken) {
            throw BillingFailure.conflict("giftCardCodeTaken");
        }
        jdbc.sql("insert into billing_gift_card_entry (id, card_id, kind, amount, at) values (:e, :id, 'ISSUE', :a, :at)")
                .param("e", UUID.randomUUID()).param("id", id).param("a", sale.amount().amount()).param("at", ts(now))
                .update();
        return get(code);
    }

    /** The card with this code (any case, surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public Optional<GiftCard> find(String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql("select * from billing_gift_card where code = :c").param("c", SellGiftCard.normalize(code))
                .query((rs, n) -> new GiftCard(rs.getObject("id", UUID.class), rs.getString("code"),
                        Payment.Method.valueOf(rs.getString("sold_method")), rs.getString("sold_by"),
                        rs.getTimestamp("sold_at").toInstant(), entries(rs.getObject("id", UUID.class))))
                .optional();
    }

    public GiftCard get(String code) {
        return find(code).orElseThrow(() -> BillingFailure.unprocessable("unknownGiftCard"));
    }

    /**
     * Spends {@code amount} of the card on a payment already written in the caller's transaction; more than the
     * card holds is refused (and the caller's transaction rolls back with it).
     */
    void redeem(String code, Money amount, UUID paymentId) {
        UUID card = jdbc.sql("select id from billing_gift_card where code = :c for update")
                .param("c", code == null ? "" : SellGiftCard.normalize(code)).query(UUID.class).optional()
                .orElseThrow(() -> BillingFailure.unprocessable("unknownGiftCard"));
        Money balance = Money.of(jdbc.sql("select coalesce(sum(amount), 0) from billing_gift_card_entry"
                + " where card_id = :id").param("id", card).query(java.math.BigDecimal.class).single());
        if (amount.compareTo(balance) > 0) {
            throw BillingFailure.unprocessable("overGiftCard", balance);
        }
        jdbc.sql("""
                insert into billing_gift_card_entry (id, card_id, kind, amount, payment_id, at)
                values (:e, :card, 'REDEEM', :a, :p, :at)""")
                .param("e", UUID.randomUUID()).param("card", card).param("a", amount.negate().amount())
                .param("p", paymentId).param("at", ts(clock.instant())).update();
    }

    private List<GiftCard.Entry> entries(UUID card) {
        return jdbc.sql("select kind, amount, payment_id, at from billing_gift_card_entry where card_id = :id"
                        + " order by at, kind").param("id", card)
                .query((rs, n) -> new GiftCard.Entry(rs.getString(1), Money.of(rs.getBigDecimal(2)),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant())).list();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(i > 0 && i % 4 == 0 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
