package clinic.relief.workspace.intake;

import clinic.relief.booking.AppointmentBooked;
import clinic.relief.patients.IntakeForms;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A booking of a patient who never signed an intake form sends them the link before their first visit (once: not
 * while a link is still open). Safe when the event arrives twice. Off with
 * {@code relief.intake.send-before-first-visit=false} (the tests turn it off, so their outboxes stay as they expect).
 */
@Component
// Off means no listener at all: a listener that returned at once would still cost every booking the event
// publication's row (BookingRoundTripTests' budget).
@ConditionalOnProperty(name = "relief.intake.send-before-first-visit", havingValue = "true", matchIfMissing = true)
class FirstVisitIntake {

    private final IntakeForms forms;

    FirstVisitIntake(IntakeForms forms) {
        this.forms = forms;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        forms.sendBeforeFirstVisit(booked.patientId(), booked.appointmentId());
    }
}
