package clinic.relief.booking.online;

import clinic.relief.booking.Appointment;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relief.booking.new-clients}: whether a new client's online booking is booked at once ({@code instant},
 * the default) or waits for the front desk to approve it ({@code approve}).
 */
@ConfigurationProperties("relief.booking")
public record NewClientSettings(@DefaultValue("instant") Mode newClients) {

    /** How the clinic takes online bookings from people it has not seen yet. */
    enum Mode {
        INSTANT,
        APPROVE
    }

    /**
     * The rule: only an online booking by a new client, in approve mode, waits for approval. Front-desk bookings
     * never do (staff are already talking to the caller), and returning clients always book at once.
     */
    public boolean needsApproval(Appointment.Source source, boolean returningClient) {
        return newClients == Mode.APPROVE && source == Appointment.Source.ONLINE && !returningClient;
    }
}
