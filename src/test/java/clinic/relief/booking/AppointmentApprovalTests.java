package clinic.relief.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request's state machine: PENDING -> REQUESTED -> BOOKED or CANCELLED, and nothing else. */
class AppointmentApprovalTests {

    static final Instant START = Instant.parse("2026-12-01T18:00:00Z");
    final UUID patient = UUID.randomUUID();

    @Test
    void aConfirmedHoldBecomesARequestOfTheConfirmedPatient() {
        Appointment appointment = requested();
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.REQUESTED);
        assertThat(appointment.stored().patientId()).isEqualTo(patient);
    }

    @Test
    void approvingBooksAndAnnouncesOnce() {
        Appointment appointment = requested();
        AppointmentBooked booked = appointment.approve();
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.patientId()).isEqualTo(patient);
        assertThat(booked.start()).isEqualTo(START);
        assertThatThrownBy(appointment::approve)
                .isInstanceOf(AppointmentStateConflict.class)
                .hasMessageContaining("BOOKED");
    }

    @Test
    void decliningFreesTheSlotWithoutAFee() {
        Appointment appointment = requested();
        appointment.decline(START.minusSeconds(3600));
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointment.stored().feeOwed()).isNull();
        assertThatThrownBy(() -> appointment.decline(START)).isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(appointment::approve).isInstanceOf(AppointmentStateConflict.class);
    }

    @Test
    void onlyARequestCanBeApprovedOrDeclined() {
        Appointment booked = fresh();
        assertThatThrownBy(booked::approve).isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(() -> booked.decline(START)).isInstanceOf(AppointmentStateConflict.class);
        Appointment pending = fresh();
        pending.holdForVerification();
        assertThatThrownBy(pending::approve).isInstanceOf(AppointmentStateConflict.class);
    }

    @Test
    void aRequestIsNeitherExpiredNorCheckedInNorCancelledLikeABooking() {
        Appointment appointment = requested();
        assertThatThrownBy(() -> appointment.expireHold(START)).isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(appointment::checkIn).isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(() -> appointment.cancel(START, Duration.ZERO, null))
                .isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(() -> appointment.awaitApprovalFor(patient)).isInstanceOf(AppointmentStateConflict.class);
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.REQUESTED);
    }

    private Appointment requested() {
        Appointment appointment = fresh();
        appointment.holdForVerification();
        appointment.awaitApprovalFor(patient);
        return appointment;
    }

    private static Appointment fresh() {
        return new Appointment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "swedish",
                60,
                Appointment.Source.ONLINE,
                null,
                new Slot(START, START.plusSeconds(3600), UUID.randomUUID(), null),
                Duration.ofMinutes(15));
    }
}
