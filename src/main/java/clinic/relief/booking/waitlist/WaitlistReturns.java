package clinic.relief.booking.waitlist;

import java.time.Instant;
import java.time.LocalDate;

import clinic.relief.booking.Appointment;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Component;

/**
 * Gives a waitlist entry its place back when the request its offer's link made ends without a visit (declined,
 * withdrawn or lapsed): the entry waits again, keeping its {@code created_at} and so its place in the queue. An
 * entry whose last day has passed stays BOOKED: no time can be offered to it any more, and WAITING would promise
 * the patient otherwise. The claimed offer stays CLAIMED, which keeps its time from being offered back to the same
 * entry ({@link WaitlistOffers#offerNext}).
 */
@Component
public class WaitlistReturns {

    private final WaitlistOffers offers;
    private final WaitlistOfferStore store;
    private final ClinicProfile clinic;

    WaitlistReturns(WaitlistOffers offers, WaitlistOfferStore store, ClinicProfile clinic) {
        this.offers = offers;
        this.store = store;
        this.clinic = clinic;
    }

    /**
     * The request {@code ended} (its row locked by the caller) ended at {@code now} without a visit: the waitlist
     * entry that claimed it, if any, waits again, then the freed time is offered. In the caller's transaction.
     *
     * @return whether a waitlist entry of the patient's waits again, which their letter then says
     */
    public boolean requestEnded(Appointment.Stored ended, Instant now) {
        LocalDate today = now.atZone(clinic.zone()).toLocalDate();
        int waitingAgain = store.waitAgain(ended.id(), today);
        offers.offerNext(ended.therapistId(), ended.start(), ended.blockedUntil());
        return waitingAgain > 0;
    }
}
