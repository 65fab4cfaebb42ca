package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.waitlist.UnknownWaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistOffer;
import clinic.relief.booking.waitlist.WaitlistOffers;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.booking.waitlist.WaitlistSettings;
import clinic.relief.booking.waitlist.WaitlistStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's API: patients' requests, and claiming an offer by its e-mailed link. Matching freed times to
 * requests, first come first served, is {@link WaitlistOffers}' job. Callers check who may see which request.
 */
@Service
@EnableConfigurationProperties(WaitlistSettings.class)
public class Waitlist {

    private final Booking booking;
    private final WaitlistOffers offers;
    private final Approvals approvals;
    private final WaitlistStore store;
    private final Clock clock;

    Waitlist(Booking booking, WaitlistOffers offers, Approvals approvals, WaitlistStore store, Clock clock) {
        this.booking = booking;
        this.offers = offers;
        this.approvals = approvals;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The outcome of following an offer's link: booked, or taken by someone else meanwhile (place kept). A new
     * client of a clinic that approves new clients first gets the time as a request: {@code booked} and
     * {@code requested} are then both true (the time is held, the front desk decides). {@code appointment} is the
     * visit or request the claim made, empty when the time was taken.
     */
    public record Claim(boolean booked, boolean requested, WaitlistOffer offer, Optional<UUID> appointment) {}

    /**
     * Adds a request at the end of the queue.
     *
     * @throws UnknownService, UnknownLength or UnknownTherapist for a service, length or therapist not offered
     */
    @Transactional
    public WaitlistEntry join(UUID patientId, WaitlistRequest request) {
        BookableService service = booking.service(request.service());
        service.price(request.minutes());
        Optional<UUID> therapist = request.therapistId();
        if (therapist.isPresent()
                && booking.therapists(service.id()).stream().noneMatch(t -> t.id().equals(therapist.get()))) {
            throw new UnknownTherapist(therapist.get(), service.id());
        }
        if (!request.isDaysInOrder()) {
            throw new IllegalArgumentException("The last day must be 0-60 days after the first");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, patientId, service.id(), request, clock.instant());
        return get(id);
    }

    /** A patient's requests, newest first. */
    @Transactional(readOnly = true)
    public List<WaitlistEntry> of(UUID patientId) {
        return store.ofPatient(patientId);
    }

    @Transactional(readOnly = true)
    public WaitlistEntry get(UUID id) {
        return store.find(id).orElseThrow(() -> new UnknownWaitlistEntry(id));
    }

    /** Takes a waiting request off the list; its open offer, if any, stops working. */
    @Transactional
    public void withdraw(UUID id) {
        get(id);
        store.withdraw(id);
        store.expireOpenOffer(id);
    }

    /** Every waiting request, oldest first (the order offers go out in), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<WaitlistEntry> waiting(int limit) {
        return store.waiting(limit);
    }

    /** Free times the desk may offer this waiting request, earliest first, from today on; at most {@code max}. */
    @Transactional(readOnly = true)
    public List<Slot> freeTimesFor(UUID entryId, int max) {
        WaitlistEntry entry = get(entryId);
        if (!entry.isWaiting()) {
            return List.of();
        }
        return offers.freeTimes(entry, LocalDate.ofInstant(clock.instant(), booking.zone()), max);
    }

    /**
     * Offers a free time the desk picked to this waiting request: the patient gets the usual offer e-mail and link,
     * which books the time if it is still free. False, nothing changed, when the request is no longer waiting,
     * already has an open offer, or the time does not suit it or is no longer free.
     */
    @Transactional
    public boolean offerTime(UUID entryId, Instant start, UUID therapistId) {
        return offers.offerChosen(get(entryId), start, therapistId);
    }

    /** The offer behind a usable link; otherwise {@link clinic.relief.patients.BadLink}. Changes nothing. */
    public WaitlistOffer offer(String token) {
        return offers.usable(token);
    }

    /**
     * Books the offered time if it is still free (as a request awaiting approval for a new client, when the clinic
     * approves new clients first, like an online booking); otherwise says so, and the request keeps its place.
     */
    public Claim claim(String token) {
        return offers.claim(token, command -> approvals.bookOrRequest(booking, command));
    }
}
