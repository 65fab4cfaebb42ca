package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static clinic.relief.shared.Timestamps.utc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A waitlist offer to a new or a returning client, claimed through its e-mailed link. */
abstract class WaitlistClaimScenario {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Waitlist waitlist;

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

    @BeforeEach
    void setUpScenario() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    /** A waiting patient, returning (one earlier visit completed) or new, who has just been offered 10:00. */
    String offeredTo(String email, boolean returning) {
        UUID patient = patients.findOrCreate(new NewPatient("Wren", "Waiter", null, email, null, "en"))
                .id();
        if (returning) {
            Appointment earlier = booking.book(new BookAppointment(
                    patient,
                    "swedish",
                    60,
                    fixture.at(day.minusDays(1), "09:00"),
                    Optional.of(therapist),
                    Appointment.Source.FRONT_DESK,
                    null,
                    null));
            jdbc.sql("update booking_appointment set status = 'COMPLETED' where id = :id")
                    .param("id", earlier.id())
                    .update();
        }
        waitlist.join(patient, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)));
        Appointment freed = booking.book(new BookAppointment(
                fixture.patient(),
                "swedish",
                60,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        book.cancel(freed.id());
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'WAITLIST_OFFER'")
                .param("e", email)
                .query(String.class)
                .single();
        return body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    ResultActions claim(String token) throws Exception {
        return mvc.perform(post("/waitlist/offer").with(csrf()).param("token", token));
    }

    String statusAtTen(String email) {
        return jdbc.sql("""
                select a.status from booking_appointment a join patient p on p.id = a.patient_id
                where p.email = :e and a.starts_at = :start""")
                .param("e", email)
                .param("start", utc(fixture.at(day, "10:00")))
                .query(String.class)
                .single();
    }

    List<String> kinds(String email) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .list();
    }

    String offerStatus(String email) {
        return jdbc.sql("""
                select o.status from booking_waitlist_offer o join booking_waitlist w on w.id = o.entry_id
                join patient p on p.id = w.patient_id where p.email = :e""").param("e", email).query(String.class).single();
    }

    static String email(String tag) {
        return tag + "-" + UUID.randomUUID() + "@example.com";
    }
}
