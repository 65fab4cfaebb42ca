package clinic.relief.booking;

import java.time.Clock;
import java.util.List;

import clinic.relief.booking.store.DeskQueueStore;
import clinic.relief.booking.waitlist.WaitlistOffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits on the front desk in booking, for the staff workspace: online bookings whose e-mail is not confirmed
 * yet (they hold their time until they expire or are released) and waitlist offers still open. No health data; the
 * caller checks that the reader is staff. Each list is capped at {@value #LIMIT}.
 */
@Service
public class DeskQueues {

    static final int LIMIT = 50;

    private final DeskQueueStore store;
    private final AppointmentBook book;
    private final Clock clock;

    DeskQueues(DeskQueueStore store, AppointmentBook book, Clock clock) {
        this.store = store;
        this.book = book;
        this.clock = clock;
    }

    /** Upcoming online bookings still waiting for their e-mail confirmation, soonest first. */
    @Transactional(readOnly = true)
    public List<AppointmentView> unconfirmed() {
        return store.unconfirmedFrom(clock.instant(), LIMIT).stream()
                .map(book::get)
                .toList();
    }

    /** Waitlist offers sent and not yet claimed, expired or taken, the soonest to expire first. */
    @Transactional(readOnly = true)
    public List<WaitlistOffer> offersOut() {
        return store.openOffers(clock.instant(), LIMIT);
    }
}
