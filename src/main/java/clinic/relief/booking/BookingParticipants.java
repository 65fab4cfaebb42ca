package clinic.relief.booking;

import clinic.relief.booking.spi.BookingParticipant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Calls every {@link BookingParticipant} in the caller's transaction, so other modules' part of a change commits with
 * it. The participants are looked up at each call, not at start-up: some of them use booking's own API.
 */
@Component
public class BookingParticipants {

    private final ObjectProvider<BookingParticipant> participants;

    BookingParticipants(ObjectProvider<BookingParticipant> participants) {
        this.participants = participants;
    }

    public void booked(AppointmentBooked booked) {
        participants.orderedStream().forEach(participant -> participant.booked(booked));
    }

    public void completed(AppointmentCompleted completed) {
        participants.orderedStream().forEach(participant -> participant.completed(completed));
    }

    public void cancelled(AppointmentCancelled cancelled) {
        participants.orderedStream().forEach(participant -> participant.cancelled(cancelled));
    }

    public void missed(AppointmentMissed missed) {
        participants.orderedStream().forEach(participant -> participant.missed(missed));
    }
}
