package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.SlotTaken;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room taken out of use while a booking takes it: whichever commits first, no appointment ends up in an inactive
 * room. Each test holds one side's transaction open until the other is seen waiting on the room's row lock.
 */
@ReliefTest
class RoomDeactivationRaceTests {

    @Autowired
    Booking booking;

    @Autowired
    ScheduleEditor editor;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;
    UUID room;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        room = fixture.onlyRooms("Room " + UUID.randomUUID()).get(0);
        day = fixture.day().plusDays(5);
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void aBookingThatWaitsForADeactivationFindsTheRoomGone() throws Exception {
        CountDownLatch deactivated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> deactivation = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            int upcoming = editor.deactivate(room);
            deactivated.countDown();
            await(release);
            return upcoming;
        }));
        assertThat(deactivated.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> bookingCall = CompletableFuture.supplyAsync(this::bookOrFailure);
        awaitSomeoneWaitingOnALock("from booking_room");
        release.countDown();

        assertThat(deactivation.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(bookingCall.get(30, TimeUnit.SECONDS)).isInstanceOf(SlotTaken.class);
        assertThat(active(room)).isFalse();
        assertThat(appointmentsIn(room)).isZero();
    }

    @Test
    void aDeactivationThatWaitsForABookingCountsItAndKeepsTheRoom() throws Exception {
        CountDownLatch booked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> bookingCall = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            Object outcome = bookOrFailure();
            booked.countDown();
            await(release);
            return outcome;
        }));
        assertThat(booked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> deactivation = CompletableFuture.supplyAsync(() -> editor.deactivate(room));
        awaitSomeoneWaitingOnALock("from booking_room");
        release.countDown();

        assertThat(bookingCall.get(30, TimeUnit.SECONDS)).isInstanceOf(Appointment.class);
        assertThat(deactivation.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(active(room)).isTrue();
        assertThat(appointmentsIn(room)).isEqualTo(1);
    }

    private Object bookOrFailure() {
        try {
            return booking.book(new BookAppointment(
                    fixture.patient(),
                    "swedish",
                    60,
                    fixture.at(day, "10:00"),
                    Optional.of(therapist),
                    Appointment.Source.FRONT_DESK,
                    null,
                    null));
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    /** Waits (at most ten seconds, then goes on: the assertions decide) until a session waits on a row lock. */
    private void awaitSomeoneWaitingOnALock(String queryFragment) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :q")
                            .param("q", "%" + queryFragment + "%")
                            .query(Integer.class)
                            .single()
                    > 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean active(UUID id) {
        return jdbc.sql("select active from booking_room where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private int appointmentsIn(UUID id) {
        return jdbc.sql("select count(*) from booking_appointment where room_id = :id and status <> 'CANCELLED'")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
