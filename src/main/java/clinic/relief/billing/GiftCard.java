package clinic.relief.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.shared.Money;

/** A gift card with its ledger; {@link #balance()} is the sum of the entries, never a stored number. */
public record GiftCard(
        UUID id, String code, Payment.Method soldMethod, String soldBy, Instant soldAt, List<Entry> entries) {

    public GiftCard {
        entries = List.copyOf(entries);
    }

    /** One ledger row: the amount issued when sold, or a (negative) redemption paying {@code paymentId}. */
    public record Entry(String kind, Money amount, UUID paymentId, Instant at) {}

    public Money balance() {
        return entries.stream().map(Entry::amount).reduce(Money.ZERO, Money::plus);
    }
}
