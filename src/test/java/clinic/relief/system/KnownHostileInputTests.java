package clinic.relief.system;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each input that used to answer 500 (issue 17), now a clear 4xx in the visitor's language and nothing stored. */
@ReliefTest
class KnownHostileInputTests {

    @Autowired
    MockMvc mvc;

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

    @Test
    void refusesAQueryStringThatIsNotUtf8With400() throws Exception {
        mvc.perform(get(URI.create("/?lang=%ED%A0%80"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/book?choice=%C0%AF"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/booking/services?x=%FF"))
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad request"));
        mvc.perform(get(URI.create("/?q=%00"))).andExpect(status().isBadRequest());
    }

    @Test
    void answers404ToARequestForTheErrorPageItself() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
        mvc.perform(post("/error").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void showsAFieldMessageForANulByteInAPublicFormInBothLanguages() throws Exception {
        String email = "nul-" + UUID.randomUUID() + "@example.com";
        mvc.perform(signUp("Ana\u0000", email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Remove the control characters")));
        mvc.perform(signUp("Ana\u0000", email).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quite los caracteres de control")));
        assertThat(jdbc.sql("select count(*) from patient_account where email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesANulByteInAParameterWith400() throws Exception {
        mvc.perform(get("/staff/billing/gift-cards")
                        .param("card", "\u0000")
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/forgot").with(csrf()).param("email", "a\u0000@example.com"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void showsTheDeskItsNewPatientFormErrorsAfterTheRedirect() throws Exception {
        MvcResult refused = mvc.perform(post("/staff/booking/patients")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .param("firstName", "")
                        .param("lastName", "Reyes")
                        .param("phone", "310 555 0101"))
                .andExpect(redirectedUrl("/staff/booking/new"))
                .andReturn();
        Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        mvc.perform(get("/staff/booking/new").cookie(session).with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please enter a first name.")))
                .andExpect(content().string(containsString("Reyes")));
    }

    @Test
    void refusesAFarDateInAPageWith400AndInTheBookingApiWithItsBounds() throws Exception {
        mvc.perform(get("/staff/booking/week")
                        .param("date", "+999999999-12-31")
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/booking/availability")
                        .param("service", "trigger-point")
                        .param("minutes", "60")
                        .param("from", "+999999999-12-31")
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Use a date between 1900-01-01 and 2199-12-31."));
        long appointments = appointments();
        mvc.perform(post("/api/booking/appointments")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientId\":\"" + UUID.randomUUID() + "\",\"service\":\"trigger-point\","
                                + "\"minutes\":60,\"start\":\"+999999999-12-31T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Use a date between 1900-01-01 and 2199-12-31."));
        assertThat(appointments()).isEqualTo(appointments);
    }

    @Test
    void refusesABlankIdempotencyKeyWithAProblem() throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        long appointments = appointments();
        mvc.perform(post("/api/booking/appointments")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .header("Idempotency-Key", "  ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientId\":\"" + fixture.patient() + "\",\"service\":\"trigger-point\","
                                + "\"minutes\":60,\"start\":\"" + fixture.at(fixture.day(), "10:00")
                                + "\",\"therapistId\":\"" + therapist + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value(containsString("must not be empty")));
        assertThat(appointments()).isEqualTo(appointments);
    }

    @Test
    void explainsATypeMismatchReadablyNotAsAJavaArray() throws Exception {
        mvc.perform(get("/api/booking/availability")
                        .param("service", "trigger-point")
                        .param("minutes", "60")
                        .param("from", "2026-12-20")
                        .param("therapist", "not-a-uuid", "neither")
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The value of 'therapist' is not valid."))
                .andExpect(content().string(not(containsString("[Ljava"))));
    }

    @Test
    void refusesAHugeAmountQuicklyAndStoresNoGiftCard() throws Exception {
        long cards = jdbc.sql("select count(*) from billing_gift_card")
                .query(Long.class)
                .single();
        mvc.perform(post("/staff/billing/gift-cards")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .param("amount", "1E+3000000")
                        .param("paidWith", "CASH"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select count(*) from billing_gift_card")
                        .query(Long.class)
                        .single())
                .isEqualTo(cards);
    }

    @Test
    void answers404ForAPatientThatDoesNotExist() throws Exception {
        mvc.perform(get("/staff/billing/patients/{id}", UUID.randomUUID())
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/billing/invoices/{id}/invoice.pdf", " ")
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isBadRequest());
    }

    private MockHttpServletRequestBuilder signUp(String firstName, String email) {
        return post("/account/signup")
                .with(csrf())
                .param("firstName", firstName)
                .param("lastName", "Reyes")
                .param("email", email)
                .param("password", "correct horse battery")
                .param("passwordAgain", "correct horse battery");
    }

    private long appointments() {
        return jdbc.sql("select count(*) from booking_appointment")
                .query(Long.class)
                .single();
    }
}
