package clinic.relief.billing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gift cards: sold at the desk, spent as payments against invoices ({@link Payments}). A balance exists only as the
 * sum of a card's ledger rows. A redemption locks the card row first, so two desks spending the same card at once
 * queue up and the second sees what the first left.
 */
@Service
public class GiftCards {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final GiftCardStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GiftCards(GiftCardStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Issues a card for the amount paid; a code already in use is a conflict with nothing written. */
    @Transactional
    public GiftCard sell(SellGiftCard sale, String soldBy) {
        UUID id = UUID.randomUUID();
        String code = sale.code() != null ? sale.code() : newCode();
        Instant now = clock.instant();
        try {
            store.insert(id, code, sale.paidWith(), soldBy, now);
        } catch (DuplicateKeyException taken) {
            throw BillingFailure.conflict("giftCardCodeTaken");
        }
        store.insertIssue(id, sale.amount(), now);
        return get(code);
    }

    /** The card with this code (any case, surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public Optional<GiftCard> find(String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.empty();
        }
        return store.find(SellGiftCard.normalize(code));
    }

    public GiftCard get(String code) {
        return find(code).orElseThrow(() -> BillingFailure.unprocessable("unknownGiftCard"));
    }

    /**
     * Spends {@code amount} of the card on a payment already written in the caller's transaction; more than the
     * card holds is refused (and the caller's transaction rolls back with it).
     */
    void redeem(String code, Money amount, UUID paymentId) {
        UUID card = store.lock(code == null ? "" : SellGiftCard.normalize(code))
                .orElseThrow(() -> BillingFailure.unprocessable("unknownGiftCard"));
        Money balance = store.balance(card);
        if (amount.compareTo(balance) > 0) {
            throw BillingFailure.unprocessable("overGiftCard", balance);
        }
        store.insertRedemption(card, amount, paymentId, clock.instant());
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(i > 0 && i % 4 == 0 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
