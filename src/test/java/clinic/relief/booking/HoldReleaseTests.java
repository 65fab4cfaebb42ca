package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
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

/** Unconfirmed online holds on the staff calendar: released by the desk or expired, their time goes to the waitlist. */
@ReliefTest
class HoldReleaseTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OnlineHolds holds;

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
    String waiter;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        // A day other booking tests do not use, so no one else's waitlist request is older than ours.
        day = fixture.day().plusDays(11);
        therapist = fixture.therapist("09:00", "17:00");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        waiter = "waiter-" + tag + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Wes", "Waiter" + tag, null, waiter, null, "en"))
                .id();
        waitlist.join(patient, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)));
    }

    @Test
    void anExpiredHoldIsOfferedToTheFirstWaitingPatient() throws Exception {
        String email = hold("10:00");
        assertThat(offersTo(waiter)).isZero();

        jdbc.sql("update booking_online_hold set expires_at = :now - interval '1 minute' where email = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", email)
                .update();
        holds.expireDue();

        assertThat(holdStatus(email)).isEqualTo("CANCELLED");
        assertThat(offersTo(waiter)).isEqualTo(1);
    }

    @Test
    void theFrontDeskSeesAHoldAndReleasesIt() throws Exception {
        String email = hold("11:00");
        UUID id = holdId(email);
        mvc.perform(get("/staff/booking")
                        .param("date", day.toString())
                        .param("therapist", therapist.toString())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(content().string(containsString("Held online, not confirmed")))
                .andExpect(content().string(containsString("/staff/booking/" + id + "/release")));

        mvc.perform(post("/staff/booking/" + id + "/release")
                        .with(csrf())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "booking.day.changed.release"));

        assertThat(holdStatus(email)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select released_by from booking_online_hold where email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .isEqualTo("desk@example.com");
        assertThat(offersTo(waiter)).isEqualTo(1);
        // Its link now says the hold is over, and a second release changes nothing.
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(status().isGone());
        mvc.perform(post("/staff/booking/" + id + "/release")
                        .with(csrf())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(flash().attribute("problem", "booking.day.wrongState.CANCELLED"));
        assertThat(offersTo(waiter)).isEqualTo(1);
    }

    @Test
    void theFrontDeskReleasesAHoldFromTheWeekAndIsBroughtBackToThatWeek() throws Exception {
        String email = hold("13:00");
        UUID id = holdId(email);
        String release = "/staff/booking/" + id + "/release?back=week";
        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .param("therapist", therapist.toString())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(content().string(containsString(release)));

        mvc.perform(post("/staff/booking/" + id + "/release")
                        .param("back", "week")
                        .with(csrf())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(redirectedUrl("/staff/booking/week?date=" + day + "&therapist=" + therapist))
                .andExpect(flash().attribute("notice", "booking.day.changed.release"));

        assertThat(holdStatus(email)).isEqualTo("CANCELLED");
        assertThat(offersTo(waiter)).isEqualTo(1);
        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .param("therapist", therapist.toString())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(content().string(not(containsString(release))));
    }

    @Test
    void aTherapistSeesNoReleaseOnTheirWeekAndCannotReleaseFromIt() throws Exception {
        String therapistEmail = "t-" + UUID.randomUUID() + "@example.com";
        UUID own = fixture.therapistEmail(therapistEmail);
        String email = "hold-" + UUID.randomUUID() + "@example.com";
        holdWith(email, "14:00", own);
        UUID id = holdId(email);

        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(content().string(containsString("Hal H.")))
                .andExpect(content().string(not(containsString("/release"))));
        mvc.perform(post("/staff/booking/" + id + "/release")
                        .param("back", "week")
                        .with(csrf())
                        .with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/booking/" + id + "/release")
                        .param("back", "week")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());

        assertThat(holdStatus(email)).isEqualTo("PENDING");
    }

    @Test
    void staffSeeTheAddressAVisitorTypedWithTheirHeldBookingMarkedAsNotConfirmed() throws Exception {
        String email = hold("15:00");
        UUID id = holdId(email);

        for (String page : List.of("/staff/booking/" + id, "/staff/schedule/appointments/" + id)) {
            mvc.perform(get(page).with(user("desk@example.com").roles("FRONT_DESK")))
                    .andExpect(status().isOk())
                    .andExpect(
                            content().string(containsString(email + " (typed when booking online, not confirmed yet)")))
                    .andExpect(content().string(not(containsString("Not given"))));
        }
    }

    @Test
    void aTherapistCannotReleaseAHold() throws Exception {
        String email = hold("12:00");

        mvc.perform(post("/staff/booking/" + holdId(email) + "/release")
                        .with(csrf())
                        .with(user("therapist@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/booking/" + holdId(email) + "/release")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());

        assertThat(holdStatus(email)).isEqualTo("PENDING");
        assertThat(offersTo(waiter)).isZero();
    }

    private String hold(String time) throws Exception {
        String email = "hold-" + UUID.randomUUID() + "@example.com";
        holdWith(email, time, therapist);
        return email;
    }

    private void holdWith(String email, String time, UUID therapist) throws Exception {
        mvc.perform(visitor(email, "trigger-point:60", fixture.at(day, time) + "|" + therapist)
                        .named("Hal", "Holder")
                        .with("conditions", "none")
                        .post())
                .andExpect(status().is3xxRedirection());
        assertThat(holdStatus(email)).isEqualTo("PENDING");
    }

    private UUID holdId(String email) {
        return jdbc.sql("select appointment_id from booking_online_hold where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private String holdStatus(String email) {
        return jdbc.sql("select a.status from booking_appointment a join booking_online_hold h"
                        + " on h.appointment_id = a.id where h.email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private int offersTo(String email) {
        return jdbc.sql("select count(*) from booking_outbox where recipient = :e and kind = 'WAITLIST_OFFER'")
                .param("e", email)
                .query(Integer.class)
                .single();
    }

    private String token(String email) {
        List<String> bodies = jdbc.sql(
                        "select body from booking_outbox where recipient = :e" + " and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .list();
        return bodies.get(0).replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }
}
