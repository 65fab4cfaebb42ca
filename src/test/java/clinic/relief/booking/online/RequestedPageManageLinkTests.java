package clinic.relief.booking.online;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When a new client's online booking becomes a request (the clinic approves new clients first), the "request
 * received" page links to the request, as the done page of an instant booking links to the visit and as the "request
 * received" e-mail does: the link opens this request, awaiting approval, with its withdrawal. English and Spanish.
 */
@ReliefTest
// The same properties as WaitlistClaimApprovalTests, so the two share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class RequestedPageManageLinkTests {

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

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | 10:00 | Request received | To see your request or withdraw it online | See your request"
                        + " | awaits the clinic's approval | Withdraw request",
                "es | 11:00 | Solicitud recibida | Para ver su solicitud o retirarla en línea | Ver su solicitud"
                        + " | espera la aprobación de la clínica | Retirar solicitud"
            })
    void theRequestReceivedPageLinksToThisRequest(
            String language, String time, String title, String lead, String linkText, String awaiting, String withdraw)
            throws Exception {
        String email = "requested-" + UUID.randomUUID() + "@example.com";
        Document page = requestedPage(email, time, language);

        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select("p.manage").text()).startsWith(lead);
        assertThat(page.select("p.manage a").text()).isEqualTo(linkText);
        String link = page.select("p.manage a").attr("href");
        assertThat(link).contains("/manage?token=");

        // The link opens this request without signing in: awaiting approval, with only its withdrawal.
        UUID request = requestOf(email);
        assertThat(statusOf(request)).isEqualTo("REQUESTED");
        Document manage = Jsoup.parse(
                mvc.perform(get(link.substring(link.indexOf("/manage"))).cookie(new Cookie("relief-lang", language)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(manage.text()).contains(awaiting);
        assertThat(manage.select("form[action=/manage/withdraw] button").text()).isEqualTo(withdraw);
        assertThat(manage.select("a[href^=/manage/move], a[href^=/manage/cancel]"))
                .isEmpty();
    }

    @Test
    void theRequestReceivedPageOpenedWithoutABookingHasNoLink() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/book/requested"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Request received");
        assertThat(page.select("a[href*=/manage]")).isEmpty();
    }

    private Document requestedPage(String email, String time, String language) throws Exception {
        mvc.perform(visitor(email, "trigger-point:60", fixture.at(day, time) + "|" + therapist)
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));
        MvcResult confirmed = mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(redirectedUrl("/book/requested"))
                .andReturn();
        return Jsoup.parse(mvc.perform(get("/book/requested")
                        .cookie(confirmed.getResponse().getCookie("SESSION"), new Cookie("relief-lang", language)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private String token(String email) {
        return jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .list()
                .get(0)
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private UUID requestOf(String email) {
        return jdbc.sql("select a.id from booking_appointment a join patient p on p.id = a.patient_id"
                        + " where p.email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
