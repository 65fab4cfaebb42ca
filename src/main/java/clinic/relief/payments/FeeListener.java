package clinic.relief.payments;

import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentMissed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Notes the fee a late cancellation or a no-show owes, after booking (and billing's fee line) committed. */
@Component
class FeeListener {

    private final FeeCharges fees;

    FeeListener(FeeCharges fees) {
        this.fees = fees;
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        fees.owed(cancelled.appointmentId(), cancelled.patientId(), cancelled.feeOwed(), Fee.Reason.LATE_CANCEL);
    }

    @ApplicationModuleListener
    void on(AppointmentMissed missed) {
        fees.owed(missed.appointmentId(), missed.patientId(), missed.feeOwed(), Fee.Reason.NO_SHOW);
    }
}
