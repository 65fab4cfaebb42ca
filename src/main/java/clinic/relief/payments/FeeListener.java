package clinic.relief.payments;

import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Notes the fee a late cancellation or a no-show owes, after booking (and billing's fee line) committed. */
@Component
class FeeListener {

    private final FeeCharges fees;
    private final Deposits deposits;

    FeeListener(FeeCharges fees, Deposits deposits) {
        this.fees = fees;
        this.deposits = deposits;
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        // A deposit paid online is kept as (part of) the fee, or refunded when the cancellation is in time.
        Money kept = deposits.cancelled(cancelled.appointmentId(), cancelled.feeOwed());
        fees.owed(
                cancelled.appointmentId(),
                cancelled.patientId(),
                cancelled.feeOwed().minus(kept),
                kept,
                Fee.Reason.LATE_CANCEL);
    }

    @ApplicationModuleListener
    void on(AppointmentMissed missed) {
        Money kept = deposits.missed(missed.appointmentId(), missed.feeOwed());
        fees.owed(missed.appointmentId(), missed.patientId(), missed.feeOwed().minus(kept), kept, Fee.Reason.NO_SHOW);
    }
}
