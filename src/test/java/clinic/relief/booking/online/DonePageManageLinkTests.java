package clinic.relief.booking.online;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The booking done page links to the visit (its manage link, as the e-mail has), in English and Spanish. */
@ReliefTest
class DonePageManageLinkTests {

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

    @Test
    void theDonePageLinksToThisVisit() throws Exception {
        Document done = donePage("13:00", "en");

        String link = done.select("p.manage a").attr("href");
        assertThat(link).contains("/manage?token=");
        assertThat(done.select("p.manage a").text()).isEqualTo("Manage your visit");
        assertThat(done.text()).doesNotContain("To change or cancel, call us");
        // The link opens this visit, without signing in.
        mvc.perform(get("/manage").param("token", link.substring(link.indexOf("token=") + "token=".length())))
                .andExpect(status().isOk());
    }

    @Test
    void theDonePageLinksToThisVisitInSpanish() throws Exception {
        Document done = donePage("14:00", "es");

        assertThat(done.select("p.manage a").attr("href")).contains("/manage?token=");
        assertThat(done.select("p.manage a").text()).isEqualTo("Gestionar su cita");
    }

    private Document donePage(String time, String language) throws Exception {
        String email = "done-" + UUID.randomUUID() + "@example.com";
        mvc.perform(visitor(email, "trigger-point:60", fixture.at(day, time) + "|" + therapist)
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));
        MvcResult confirmed = mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(redirectedUrl("/book/done"))
                .andReturn();
        return Jsoup.parse(mvc.perform(get("/book/done")
                        .cookie(confirmed.getResponse().getCookie("SESSION"))
                        .header("Accept-Language", language))
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
}
