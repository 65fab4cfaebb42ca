package clinic.relief.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.letters.Letters;
import clinic.relief.booking.letters.LinkLetters;
import clinic.relief.booking.online.HoldReleased;
import clinic.relief.booking.store.Appointments;
import clinic.relief.mail.Mail;
import clinic.relief.patients.BadLink;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers freed times to the waitlist. A cancellation or a released online hold (in its own transaction, so the offer and its e-mail commit
 * with it) offers the freed time to the oldest waiting request it suits; an offer that expires goes to the next one
 * that has not had it. Offers do not hold the time: the link books it only if it is still free.
 */
@Component
public class WaitlistOffers {

    private final Booking booking;
    private final Appointments appointments;
    private final Patients patients;
    private final Mail mail;
    private final LinkLetters letters;
    private final WaitlistOfferStore store;
    private final TransactionTemplate transactions;
    private final WaitlistSettings settings;
    private final Clock clock;

    WaitlistOffers(
            Booking booking,
            Appointments appointments,
            Patients patients,
            Mail mail,
            LinkLetters letters,
            WaitlistOfferStore store,
            TransactionTemplate transactions,
            WaitlistSettings settings,
            Clock clock) {
        this.booking = booking;
        this.appointments = appointments;
        this.patients = patients;
        this.mail = mail;
        this.letters = letters;
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        appointments
                .find(cancelled.appointmentId())
                .map(Appointment::stored)
                .ifPresent(freed -> offerNext(freed.therapistId(), freed.start(), freed.blockedUntil()));
    }

    /** An online hold that expired or was released frees its time just as a cancellation does. */
    @EventListener
    void on(HoldReleased released) {
        offerNext(released.therapistId(), released.start(), released.freeUntil());
    }

    /**
     * Offers a time of the freed therapist inside the freed span to the oldest waiting request it suits that has
     * not had it, nor claimed a time of this therapist inside it: an entry whose claimed request ended without a
     * visit waits again ({@link WaitlistReturns}), but is never offered that time back.
     */
    void offerNext(UUID therapist, Instant freeFrom, Instant freeTo) {
        LocalDate day = freeFrom.atZone(booking.zone()).toLocalDate();
        List<WaitlistEntry> waiting = store.waitingFor(day, therapist, freeFrom, freeTo);
        for (WaitlistEntry entry : waiting) {
            Optional<Slot> slot = suitable(entry, therapist, day, freeFrom, freeTo);
            if (slot.isPresent()) {
                offer(entry, slot.get(), freeFrom, freeTo);
                return;
            }
        }
    }

    /**
     * Free times that suit a waiting request (its service, length, days from {@code from}, part of the day and
     * therapist), earliest first, at most {@code max}: what the front desk may offer it by hand.
     */
    public List<Slot> freeTimes(WaitlistEntry entry, LocalDate from, int max) {
        LocalDate first = entry.firstDay().isAfter(from) ? entry.firstDay() : from;
        if (first.isAfter(entry.lastDay())) {
            return List.of();
        }
        try {
            return booking
                    .availability(new SlotSearch(
                            entry.serviceId(), entry.minutes(), first, entry.lastDay(), entry.therapistId()))
                    .stream()
                    .filter(s -> entry.partOfDay()
                            .contains(s.start().atZone(booking.zone()).toLocalTime()))
                    .limit(max)
                    .toList();
        } catch (UnknownTherapist | UnknownService | UnknownLength noLongerOffered) {
            return List.of();
        }
    }

    /**
     * Offers one free time the front desk picked to one waiting request, with the same offer row, link and e-mail as
     * a cancellation's offer. False when the request already has an open offer or the time is no longer free for it.
     */
    public boolean offerChosen(WaitlistEntry entry, Instant start, UUID therapist) {
        boolean open = store.hasOpenOffer(entry.id());
        if (open || !entry.isWaiting()) {
            return false;
        }
        LocalDate day = start.atZone(booking.zone()).toLocalDate();
        if (day.isBefore(entry.firstDay()) || day.isAfter(entry.lastDay())) {
            return false;
        }
        Optional<Slot> slot = suitable(entry, therapist, day, start, start.plusSeconds(1));
        slot.ifPresent(chosen -> offer(entry, chosen, chosen.start(), chosen.end()));
        return slot.isPresent();
    }

    private Optional<Slot> suitable(
            WaitlistEntry entry, UUID therapist, LocalDate day, Instant freeFrom, Instant freeTo) {
        try {
            return booking
                    .availability(new SlotSearch(
                            entry.serviceId(), entry.minutes(), day, day, Optional.ofNullable(therapist)))
                    .stream()
                    .filter(s -> !s.start().isBefore(freeFrom) && s.start().isBefore(freeTo))
                    .filter(s -> entry.partOfDay()
                            .contains(s.start().atZone(booking.zone()).toLocalTime()))
                    .findFirst();
        } catch (UnknownTherapist | UnknownService | UnknownLength noLongerOffered) {
            return Optional.empty();
        }
    }

    private void offer(WaitlistEntry entry, Slot slot, Instant freeFrom, Instant freeTo) {
        Patient patient = patients.get(entry.patientId());
        VerificationToken token = VerificationToken.random();
        Instant now = clock.instant();
        store.insertOpen(
                entry.id(),
                token.hash(),
                slot.start(),
                slot.therapistId(),
                freeFrom,
                freeTo,
                now.plus(settings.offerLasts()),
                now);
        if (patient.email() != null) {
            Letters.Letter letter = letters.waitlistOffer(
                    patient.firstName(), patient.language(), slot.start(), token.value(), settings.offerLasts());
            mail.queue("WAITLIST_OFFER", patient.email(), letter.subject(), letter.body());
        }
    }

    /** Expires offers whose time is up and offers each freed time to the next request. */
    @Scheduled(fixedDelayString = "${relief.booking.waitlist.sweep-every:60s}")
    public void expireDue() {
        transactions.executeWithoutResult(tx -> {
            List<WaitlistOfferStore.Freed> freed = store.expireDue(clock.instant());
            freed.forEach(span -> offerNext(span.therapist(), span.from(), span.to()));
        });
    }

    public WaitlistOffer usable(String token) {
        return usable(find(token));
    }

    private WaitlistOffer usable(WaitlistOffer offer) {
        if ("CLAIMED".equals(offer.status()) || "TAKEN".equals(offer.status())) {
            throw new BadLink(BadLink.Reason.USED);
        }
        if (!"OPEN".equals(offer.status()) || !clock.instant().isBefore(offer.expiresAt())) {
            throw new BadLink(BadLink.Reason.EXPIRED);
        }
        return offer;
    }

    /**
     * Books the offered time with {@code booker} (which decides between a booking and a request). Not one
     * transaction: a lost booking must not roll back the offer's new state.
     */
    public Waitlist.Claim claim(String token, Function<BookAppointment, Appointment> booker) {
        WaitlistOffer found = find(token);
        // The second click of a double click that arrives after the first has finished answers as the first did (the
        // browser shows the last answer): the time is booked, not "link used".
        Optional<WaitlistOfferStore.Claimed> done = store.claimed(found.id());
        if (done.isPresent()) {
            return new Waitlist.Claim(
                    true, done.get().requested(), found, Optional.of(done.get().appointment()));
        }
        WaitlistOffer offer = usable(found);
        Appointment claimed;
        try {
            claimed = booker.apply(new BookAppointment(
                    offer.patientId(),
                    offer.serviceId(),
                    offer.minutes(),
                    offer.start(),
                    Optional.of(offer.therapistId()),
                    Appointment.Source.ONLINE,
                    null,
                    "waitlist-" + offer.id()));
        } catch (SlotTaken | SlotNotOffered | PatientAlreadyBooked taken) {
            mark(offer, "TAKEN", null);
            return new Waitlist.Claim(false, false, offer, Optional.empty());
        }
        mark(offer, "CLAIMED", claimed.id());
        return new Waitlist.Claim(
                true, claimed.status() == AppointmentStatus.REQUESTED, offer, Optional.of(claimed.id()));
    }

    /**
     * Records the offer's end and the appointment it claimed; the entry is BOOKED unless that appointment already
     * ended. Its row is locked first, as a decision does, so a decline racing the claim never strands the entry.
     */
    private void mark(WaitlistOffer offer, String offerStatus, UUID claimed) {
        transactions.executeWithoutResult(tx -> {
            boolean live = claimed != null && store.lockAppointmentIsLive(claimed);
            store.close(offer.id(), offerStatus, claimed);
            if (live) {
                store.markEntryBooked(offer.entryId());
            }
        });
    }

    private WaitlistOffer find(String token) {
        return store.find(VerificationToken.hash(token)).orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
    }
}
