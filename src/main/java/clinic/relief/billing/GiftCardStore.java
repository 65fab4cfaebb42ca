package clinic.relief.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code billing_gift_card} and its ledger, {@code billing_gift_card_entry}. */
@Repository
class GiftCardStore {

    private final JdbcClient jdbc;

    GiftCardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the card; a code already in use throws {@code DuplicateKeyException}. */
    void insert(UUID id, String code, Payment.Method paidWith, String soldBy, Instant at) {
        jdbc.sql("insert into billing_gift_card values (:id, :code, :method, :by, :at)")
                .param("id", id)
                .param("code", code)
                .param("method", paidWith.name())
                .param("by", soldBy)
                .param("at", utc(at))
                .update();
    }

    void insertIssue(UUID card, Money amount, Instant at) {
        jdbc.sql(
                        "insert into billing_gift_card_entry (id, card_id, kind, amount, at) values (:e, :id, 'ISSUE', :a, :at)")
                .param("e", UUID.randomUUID())
                .param("id", card)
                .param("a", amount.amount())
                .param("at", utc(at))
                .update();
    }

    void insertRedemption(UUID card, Money amount, UUID paymentId, Instant at) {
        jdbc.sql("""
                insert into billing_gift_card_entry (id, card_id, kind, amount, payment_id, at)
                values (:e, :card, 'REDEEM', :a, :p, :at)""")
                .param("e", UUID.randomUUID())
                .param("card", card)
                .param("a", amount.negate().amount())
                .param("p", paymentId)
                .param("at", utc(at))
                .update();
    }

    /** The card with this (normalised) code, with its ledger. */
    Optional<GiftCard> find(String code) {
        return jdbc.sql("select * from billing_gift_card where code = :c")
                .param("c", code)
                .query((rs, n) -> new GiftCard(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        Payment.Method.valueOf(rs.getString("sold_method")),
                        rs.getString("sold_by"),
                        rs.getTimestamp("sold_at").toInstant(),
                        entries(rs.getObject("id", UUID.class))))
                .optional();
    }

    /** Locks the card's row until the transaction ends: its id, empty when no card has this (normalised) code. */
    Optional<UUID> lock(String code) {
        return jdbc.sql("select id from billing_gift_card where code = :c for update")
                .param("c", code)
                .query(UUID.class)
                .optional();
    }

    Money balance(UUID card) {
        return Money.of(jdbc.sql("select coalesce(sum(amount), 0) from billing_gift_card_entry where card_id = :id")
                .param("id", card)
                .query(BigDecimal.class)
                .single());
    }

    private List<GiftCard.Entry> entries(UUID card) {
        return jdbc.sql("""
                select kind, amount, payment_id, at from billing_gift_card_entry where card_id = :id order by at, kind""")
                .param("id", card)
                .query((rs, n) -> new GiftCard.Entry(
                        rs.getString(1),
                        Money.of(rs.getBigDecimal(2)),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
