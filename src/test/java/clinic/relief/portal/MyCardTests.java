package clinic.relief.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.patients.Patients;
import clinic.relief.payments.StripeFixture;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A patient's card on file from the portal through the local Stripe's hosted page, as the desk then sees it on the
 * chart, and a late cancellation's fee pending in the appointment panel until the desk waives it.
 */
@ReliefTest
class MyCardTests {

    static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    Cookie session;
    UUID me;

    @BeforeEach
    void signedIn() throws Exception {
        String email = "card-" + UUID.randomUUID() + "@example.com";
        session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        me = patients.findByEmail(email).orElseThrow().id();
    }

    @Test
    void aPatientSavesACardOnStripesPageAfterAcceptingThePolicyAndMayRemoveIt() throws Exception {
        mvc.perform(get("/account/card?lang=en").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Card-on-file and cancellation policy")))
                .andExpect(content().string(containsString("No card on file.")));
        mvc.perform(post("/account/card?lang=en").cookie(session).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please accept the card-on-file")));

        String stripePage = mvc.perform(
                        post("/account/card").cookie(session).with(csrf()).param("accept", "true"))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(stripePage).contains("/c/pay/cs_test_");
        HttpResponse<String> back = StripeFixture.payOnHostedPage(stripePage, "4242424242424242");
        String saved = back.headers().firstValue("Location").orElseThrow();
        assertThat(saved).startsWith("http://localhost/account/card/saved?session=cs_test_");

        mvc.perform(get(saved.substring("http://localhost".length())).cookie(session))
                .andExpect(redirectedUrl("/account/card"));
        mvc.perform(get("/account/card?lang=es").cookie(session))
                .andExpect(content().string(containsString("visa terminada en 4242, vence 12/2034")));
        mvc.perform(get("/staff/patients/" + me + "?lang=en").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("visa ending in 4242, expires 12/2034")));
        assertThat(jdbc.sql("select policy_version from payments_customer where patient_id = :p")
                        .param("p", me)
                        .query(String.class)
                        .single())
                .isNotBlank();

        mvc.perform(post("/account/card/remove").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/account/card"));
        mvc.perform(get("/account/card?lang=en").cookie(session))
                .andExpect(content().string(containsString("No card on file.")))
                .andExpect(content().string(not(containsString("ending in 4242"))));
    }

    @Test
    void aLateCancellationsFeeWaitsInThePanelUntilTheDeskWaivesIt() throws Exception {
        BookingTestData data = new BookingTestData(context);
        UUID therapist = data.therapistWithOwnRoom("00:00", "23:45");
        LocalDate today = LocalDate.ofInstant(clock.instant(), booking.zone());
        Slot soon = booking.availability(SlotSearch.with(therapist, "swedish", 60, today, today.plusDays(1)))
                .get(0);
        UUID id = booking.book(new BookAppointment(
                        me, "swedish", 60, soon.start(), Optional.of(therapist), Appointment.Source.ONLINE, null, null))
                .id();
        BigDecimal fee = booking.service("swedish")
                .price(60)
                .multiply(new BigDecimal("0.25"))
                .setScale(2, RoundingMode.HALF_UP);
        mvc.perform(post("/account/appointments/" + id + "/cancel")
                        .cookie(session)
                        .with(csrf())
                        .param("feeShown", fee.toPlainString()))
                .andExpect(redirectedUrl("/account"));
        EventsHandled.awaitAll(jdbc);

        String panel = mvc.perform(
                        get("/staff/schedule/appointments/" + id + "?lang=en").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fee of $" + fee.toPlainString() + " pending")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String waive = panel.replaceAll("(?s).*action=\"(/staff/payments/fees/[^\"]+/waive)\".*", "$1");
        mvc.perform(post(waive).with(DESK).with(csrf()))
                .andExpect(header().string("Location", "/staff/schedule/appointments/" + id));
        mvc.perform(get("/staff/schedule/appointments/" + id + "?lang=en").with(DESK))
                .andExpect(content().string(containsString("Fee of $" + fee.toPlainString() + " waived.")));
        // Waived once: a second waive changes nothing and says so.
        mvc.perform(post(waive).with(DESK).with(csrf()))
                .andExpect(header().string("Location", "/staff/schedule/appointments/" + id));
    }
}
