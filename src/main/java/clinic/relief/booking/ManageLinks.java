package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.letters.AppointmentConfirmations;
import clinic.relief.booking.store.ManageLinkStore;
import clinic.relief.patients.BadLink;
import clinic.relief.patients.VerificationToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manage link every appointment message carries: it opens one appointment, without signing in, to see it,
 * confirm it, move it or cancel it (a new client's booking request, which the "request received" e-mail links, may
 * only be withdrawn: {@link BookingRequests#withdraw(UUID, UUID, int)}). Each link is 256 random bits of which only
 * the SHA-256 is stored; it works until the appointment's end (wherever the appointment has moved meanwhile) and for
 * that appointment only. A link never
 * issued (or altered by one character) is {@link BadLink.Reason#UNKNOWN}, one past the appointment's end
 * {@link BadLink.Reason#EXPIRED}; neither changes anything. Thread-safe.
 * <p>
 * For a text message or an e-mail about an appointment: {@code links.linkFor(appointmentId)}, inside the
 * transaction that queues the message (the link is stored with it, or not at all).
 */
@Service
public class ManageLinks {

    private final ManageLinkStore links;
    private final AppointmentConfirmations confirmations;
    private final AppointmentBook book;
    private final Clock clock;
    private final String siteUrl;

    ManageLinks(
            ManageLinkStore links,
            AppointmentConfirmations confirmations,
            AppointmentBook book,
            Clock clock,
            @Value("${relief.site-url}") String siteUrl) {
        this.links = links;
        this.confirmations = confirmations;
        this.book = book;
        this.clock = clock;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** An appointment opened by its manage link, with when the patient confirmed it at its current time, if they did. */
    public record Managed(AppointmentView appointment, Optional<Instant> confirmedAt) {

        public boolean confirmed() {
            return confirmedAt.isPresent();
        }
    }

    /** A new absolute link to manage the appointment (a new secret each time; earlier links keep working). */
    @Transactional
    public String linkFor(UUID appointmentId) {
        VerificationToken token = VerificationToken.random();
        links.insert(token.hash(), appointmentId, clock.instant());
        return siteUrl + "/manage?token=" + token.value();
    }

    /** The appointment the link opens; {@link BadLink} when it is unknown or past the appointment's end. */
    @Transactional(readOnly = true)
    public Managed open(String token) {
        UUID id = links.appointmentOf(VerificationToken.hash(token))
                .orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        AppointmentView appointment = book.get(id);
        if (!clock.instant().isBefore(appointment.end())) {
            throw new BadLink(BadLink.Reason.EXPIRED);
        }
        return new Managed(appointment, confirmations.confirmedAt(id));
    }

    /**
     * The patient says they will come: recorded only while the appointment is booked, still ahead, and at the
     * {@code version} the patient saw; otherwise {@link AppointmentStateConflict} and nothing changes. The same
     * confirmation as a "C" reply to a text ({@link AppointmentConfirmations}).
     */
    public void confirm(UUID appointmentId, int version) {
        confirmations.confirm(appointmentId, version, AppointmentConfirmations.Via.MANAGE_LINK);
    }
}
