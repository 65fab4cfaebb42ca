package clinic.relief.portal;

import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * An appointment as its patient sees it in the portal: what, when, with whom, and what they may do with it;
 * {@code feeOwed} is null when no fee is owed.
 */
public record PortalAppointment(
        UUID id,
        String service,
        int minutes,
        String when,
        String therapist,
        String status,
        boolean changeable,
        Money feeOwed) {

    /** A booking request still awaiting the front desk, which its patient may withdraw. */
    public boolean withdrawable() {
        return "REQUESTED".equals(status);
    }

    public boolean owesFee() {
        return feeOwed != null && feeOwed.isPositive();
    }
}
