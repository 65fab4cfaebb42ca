package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.FollowUpVouchers;
import org.springframework.stereotype.Component;

/**
 * The relief guarantee's vouchers as billing sees them. A voucher pays one follow-up of the same service, no longer
 * than the session it makes up for, starting after it was offered and by its end of validity. Redeeming locks the
 * voucher row ({@code for update skip locked}), so two bookings at once never share one voucher: the second finds
 * none (or the patient's next one). Runs in billing's transaction.
 */
@Component
class FreeFollowUps implements FollowUpVouchers {

    static final FreeSession FREE = new FreeSession("outcomes.voucher.line");

    private final VoucherStore vouchers;
    private final Clock clock;

    FreeFollowUps(VoucherStore vouchers, Clock clock) {
        this.vouchers = vouchers;
        this.clock = clock;
    }

    @Override
    public Optional<FreeSession> available(UUID patientId, String serviceId, int minutes, Instant start) {
        return vouchers.firstFitting(patientId, serviceId, minutes, start).map(voucher -> FREE);
    }

    @Override
    public Optional<FreeSession> redeem(
            UUID patientId, String serviceId, int minutes, Instant start, UUID appointmentId) {
        return vouchers.redeem(patientId, serviceId, minutes, start, appointmentId, clock.instant())
                ? Optional.of(FREE)
                : Optional.empty();
    }

    @Override
    public void release(UUID appointmentId) {
        vouchers.release(appointmentId);
    }
}
