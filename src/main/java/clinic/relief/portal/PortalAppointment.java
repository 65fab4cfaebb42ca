package clinic.relief.portal;

import java.math.BigDecimal;
import java.util.UUID;

/** An appointment as its patient sees it in the portal: what, when, with whom, and what they may do with it. */
public record PortalAppointment(UUID id, String service, int minutes, String when, String therapist,
        String status, boolean changeable, BigDecimal feeOwed) {

    /** A booking request still awaiting the front desk, which its patient may withdraw. */
    public boolean withdrawable() {
        return "REQUESTED".equals(status);
    }

    public boolean owesFee() {
        return feeOwed != null && feeOwed.signum() > 0;
    }
}
