package clinic.relief.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.shared.Money;

/** An invoice with its lines and the payments and refunds recorded against it. */
public record Invoice(
        UUID id,
        long number,
        UUID patientId,
        UUID appointmentId,
        UUID membershipId,
        String serviceId,
        Instant issuedAt,
        List<Line> lines,
        List<Payment> payments) {

    public Invoice {
        lines = List.copyOf(lines);
        payments = List.copyOf(payments);
    }

    public Money total() {
        return Line.total(lines);
    }

    /** Payments less refunds. */
    public Money paid() {
        return payments.stream().map(Payment::signedAmount).reduce(Money.ZERO, Money::plus);
    }

    public Money balance() {
        return total().minus(paid());
    }
}
