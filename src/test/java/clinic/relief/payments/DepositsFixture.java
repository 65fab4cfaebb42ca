package clinic.relief.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.online.OnlineBookingPost;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.patients.SignUp;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import jakarta.servlet.http.Cookie;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test data for deposits of online bookings: a day with a deposit on trigger point therapy, signed-in patient accounts
 * that book it online and press "pay". For {@code @ReliefTest} classes (it needs MockMvc).
 */
@Component
class DepositsFixture {

    /** A day to book on, with a therapist working 09:00-17:00 and rooms of this test's own. */
    record DepositDay(BookingFixture booking, LocalDate date, UUID therapist) {

        /** The instant of {@code time} (HH:mm) on the day. */
        Instant at(String time) {
            return booking.at(date, time);
        }

        /** The booking page's slot at {@code time} with the day's therapist. */
        String slot(String time) {
            return at(time) + "|" + therapist;
        }

        /** A new patient. */
        UUID patient() {
            return booking.patient();
        }
    }

    private static final String PASSWORD = "correct horse battery staple";

    private final Staff staff;
    private final ScheduleAdmin admin;
    private final Patients patients;
    private final PatientAccounts accounts;
    private final ServiceDeposits deposits;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<MockMvc> mvc;

    DepositsFixture(
            Staff staff,
            ScheduleAdmin admin,
            Patients patients,
            PatientAccounts accounts,
            ServiceDeposits deposits,
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<MockMvc> mvc) {
        this.staff = staff;
        this.admin = admin;
        this.patients = patients;
        this.accounts = accounts;
        this.deposits = deposits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mvc = mvc;
    }

    /** Asks {@code deposit} for trigger point therapy from now on; a day to book it on. Undo with {@link #noDeposits}. */
    DepositDay depositsOf(Money deposit) {
        BookingFixture booking = new BookingFixture(staff, admin, patients, clock);
        booking.onlyRooms("Room " + UUID.randomUUID());
        LocalDate date = booking.day();
        UUID therapist = booking.therapist("09:00", "17:00");
        deposits.set("trigger-point", new DepositRule.Fixed(deposit), "owner@example.com");
        return new DepositDay(booking, date, therapist);
    }

    /** No deposit for trigger point therapy, as other tests expect. */
    void noDeposits() {
        deposits.set("trigger-point", new DepositRule.None(), "owner@example.com");
    }

    /** A confirmed patient account with an address starting {@code prefix}, signed in; its session cookie. */
    Cookie account(String prefix) throws Exception {
        String email = prefix + UUID.randomUUID() + "@example.com";
        accounts.signUp(new SignUp("Dana", "Deposit", null, email, PASSWORD, PASSWORD), "en");
        String token = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_ACCOUNT'")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        accounts.confirm(token, PASSWORD);
        return mvc.getObject()
                .perform(post("/account/login")
                        .with(csrf())
                        .param("email", email)
                        .param("password", PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    /** The booking page's last step for the signed-in patient: 60 minutes of trigger point therapy at {@code time}. */
    MockHttpServletRequestBuilder details(DepositDay on, Cookie patient, String time) {
        return OnlineBookingPost.patient("trigger-point:60", on.slot(time))
                .with("conditions", "none")
                .post()
                .cookie(patient);
    }

    /** Books online as the signed-in patient; the held appointment (the page sends them to pay its deposit). */
    UUID bookOnline(DepositDay on, Cookie patient, String time) throws Exception {
        String landing = mvc.getObject()
                .perform(details(on, patient, time))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(landing).startsWith("/account/deposits/");
        return UUID.fromString(landing.substring("/account/deposits/".length()));
    }

    /** Presses "pay" on the deposit page; the hosted Checkout page it sends the patient to. */
    String pay(Cookie patient, UUID held) throws Exception {
        return mvc.getObject()
                .perform(post("/account/deposits/" + held + "/pay").with(csrf()).cookie(patient))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
