package clinic.relief.workspace.intake;

import java.time.Instant;
import java.util.UUID;

import clinic.relief.booking.AppointmentBooked;
import clinic.relief.patients.IntakeForms;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** A booking asks the patients module to send the first-visit intake link, unless the clinic turned that off. */
class FirstVisitIntakeTests {

    private final IntakeForms forms = mock(IntakeForms.class);
    private final AppointmentBooked booked = new AppointmentBooked(
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "trigger-point", 60, Instant.EPOCH, null);

    @Test
    void aBookingSendsTheFirstVisitLinkForItsPatientAndAppointment() {
        new FirstVisitIntake(forms).on(booked);

        verify(forms).sendBeforeFirstVisit(booked.patientId(), booked.appointmentId());
    }

    @Test
    void theListenerIsThereByDefaultAndGoneWhenTheClinicTurnedItOff() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withBean(IntakeForms.class, () -> forms)
                .withUserConfiguration(FirstVisitIntake.class);

        context.run(on -> assertThat(on).hasSingleBean(FirstVisitIntake.class));
        context.withPropertyValues("relief.intake.send-before-first-visit=false")
                .run(off -> assertThat(off).doesNotHaveBean(FirstVisitIntake.class));
    }
}
