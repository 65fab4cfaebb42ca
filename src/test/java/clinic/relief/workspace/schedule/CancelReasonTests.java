package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.CancelReason;
import clinic.relief.booking.Cancellation;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's cancel confirm step: a reason from a short list and an optional note, stored with the cancellation and
 * shown on the appointment panel and the chart; inside the late window, the fee charged or waived on the same step.
 */
@ReliefTest
class CancelReasonTests {

    static final String DESK_EMAIL = "desk@example.com";
    static final RequestPostProcessor DESK = user(DESK_EMAIL).roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    UUID therapist;
    LocalDate day;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Cancel room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void aLateCancelWithTheFeeWaivedOwesNothingAndShowsItsReasonOnThePanelAndChart() throws Exception {
        UUID id = lateAppointment("10:00");

        mvc.perform(get("/staff/schedule/appointments/" + id + "/cancel").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("late-cancel fee")))
                .andExpect(content().string(containsString("name=\"reason\" value=\"ILLNESS\"")))
                .andExpect(content().string(containsString("name=\"fee\" value=\"WAIVE\"")));
        cancel(id, "ILLNESS", "Flu, will call back", "WAIVE")
                .andExpect(flash().attribute("notice", "booking.day.changed.cancel"));

        var cancelled = book.get(id);
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.feeOwed()).as("waived: nothing owed").isNull();
        Cancellation why = book.cancellation(id).orElseThrow();
        assertThat(why.reason()).isEqualTo(CancelReason.ILLNESS);
        assertThat(why.note()).isEqualTo("Flu, will call back");
        assertThat(why.feeWaived()).isTrue();
        assertThat(why.by()).isEqualTo(DESK_EMAIL);
        assertThat(lateFeeLines(id)).as("no fee line on the invoice").isZero();
        mvc.perform(get("/staff/schedule/appointments/" + id).with(DESK))
                .andExpect(content().string(containsString("Cancelled (Illness) by " + DESK_EMAIL)))
                .andExpect(content().string(containsString("Flu, will call back")))
                .andExpect(content().string(containsString("The late-cancel fee was waived.")));
        mvc.perform(get("/staff/patients/" + cancelled.patient().id()).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Illness: Flu, will call back")));
        mvc.perform(get("/staff/schedule/appointments/" + id).with(DESK).locale(Locale.forLanguageTag("es")))
                .andExpect(content().string(containsString("Cancelada (Enfermedad)")));
    }

    @Test
    void aLateCancelChargedOwesTheFee() throws Exception {
        UUID id = lateAppointment("11:00");

        cancel(id, "PATIENT_REQUEST", "", "CHARGE")
                .andExpect(flash().attribute("notice", "booking.day.changed.cancel"));

        assertThat(book.get(id).feeOwed()).isNotNull();
        assertThat(book.get(id).feeOwed().isPositive()).isTrue();
        assertThat(lateFeeLines(id)).as("the fee line on the invoice").isEqualTo(1);
        Cancellation why = book.cancellation(id).orElseThrow();
        assertThat(why.reason()).isEqualTo(CancelReason.PATIENT_REQUEST);
        assertThat(why.note()).isEmpty();
        assertThat(why.feeWaived()).isFalse();
        mvc.perform(get("/staff/schedule/appointments/" + id).with(DESK))
                .andExpect(content().string(containsString("Cancelled (Patient&#39;s request)")))
                .andExpect(content().string(not(containsString("was waived"))));
    }

    @Test
    void outsideTheWindowThereIsNoFeeChoiceAndNoReasonMeansNone() throws Exception {
        UUID id = booked("12:00");

        mvc.perform(get("/staff/schedule/appointments/" + id + "/cancel").with(DESK))
                .andExpect(content().string(containsString("No fee")))
                .andExpect(content().string(not(containsString("name=\"fee\""))));
        mvc.perform(post("/staff/schedule/appointments/" + id + "/cancel")
                        .param("token", Tokens.of(book.get(id)))
                        .with(csrf())
                        .with(DESK))
                .andExpect(flash().attribute("notice", "booking.day.changed.cancel"));

        assertThat(book.cancellation(id).orElseThrow().reason()).isEqualTo(CancelReason.NONE);
        assertThat(book.cancellation(id).orElseThrow().feeWaived()).isFalse();
    }

    @Test
    void aBadNoteOrReasonChangesNothing() throws Exception {
        UUID id = lateAppointment("13:00");

        cancel(id, "CLINIC", "x".repeat(Cancellation.NOTE_LIMIT + 1), "WAIVE")
                .andExpect(redirectedUrl("/staff/schedule/appointments/" + id + "/cancel"))
                .andExpect(flash().attribute("problem", "schedule.cancel.noteInvalid"));
        // A control character: the request filter may refuse it first (400); otherwise the page does.
        cancel(id, "CLINIC", "bad\u0007note", "WAIVE")
                .andExpect(result -> assertThat(result.getResponse().getStatus() == 400
                                || "schedule.cancel.noteInvalid"
                                        .equals(result.getFlashMap().get("problem")))
                        .as("refused")
                        .isTrue());
        cancel(id, "BOGUS", "", "WAIVE").andExpect(status().isBadRequest());
        cancel(id, "CLINIC", "", "MAYBE").andExpect(status().isBadRequest());

        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(book.cancellation(id)).isEmpty();
    }

    private ResultActions cancel(UUID id, String reason, String note, String fee) throws Exception {
        return mvc.perform(post("/staff/schedule/appointments/" + id + "/cancel")
                .param("token", Tokens.of(book.get(id)))
                .param("reason", reason)
                .param("note", note)
                .param("fee", fee)
                .with(csrf())
                .with(DESK));
    }

    private UUID booked(String time) {
        return booking.book(new BookAppointment(
                        fixture.patient(),
                        "swedish",
                        60,
                        fixture.at(day, time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    /** A booked appointment moved to a few hours from now: inside any late-cancel window. */
    private UUID lateAppointment(String time) {
        UUID id = booked(time);
        Instant soon = clock.instant()
                .truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofHours(3 + Integer.parseInt(time.substring(0, 2)) - 9));
        jdbc.sql("""
                update booking_appointment set starts_at = :at, ends_at = :at + (ends_at - starts_at),
                    blocked_until = :at + (blocked_until - starts_at)
                where id = :id""").param("at", soon.atOffset(ZoneOffset.UTC)).param("id", id).update();
        return id;
    }

    private int lateFeeLines(UUID appointment) {
        return jdbc.sql("""
                select count(*) from billing_invoice_line l join billing_invoice i on i.id = l.invoice_id
                where i.appointment_id = :a and l.kind = 'FEE'""").param("a", appointment).query(Integer.class).single();
    }
}
