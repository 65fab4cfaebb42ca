package clinic.relief.workspace.intake;

import clinic.relief.booking.AppointmentBooked;
import clinic.relief.patients.IntakeForms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A booking of a patient who never signed an intake form sends them the link before their first visit (once: not
 * while a link is still open). Safe when the event arrives twice. Off with
 * {@code relief.intake.send-before-first-visit=false} (the tests turn it off, so their outboxes stay as they expect).
 */
@Component
class FirstVisitIntake {

    private final IntakeForms forms;
    private final boolean enabled;

    FirstVisitIntake(IntakeForms forms, @Value("${relief.intake.send-before-first-visit:true}") boolean enabled) {
        this.forms = forms;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        if (enabled) {
            forms.sendBeforeFirstVisit(booked.patientId(), booked.appointmentId());
        }
    }
}
