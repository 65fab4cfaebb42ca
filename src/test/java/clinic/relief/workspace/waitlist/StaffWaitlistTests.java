package clinic.relief.workspace.waitlist;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingTestData;
import clinic.relief.booking.Slot;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff waitlist: the desk adds a caller (found or created), sees who waits for what, offers a free time that
 * suits the request (booking's own offer, link and e-mail) and takes a request off; therapists do not open it.
 */
@ReliefTest
class StaffWaitlistTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    Waitlist waitlist;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    String tag;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void therapistAtWork() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        BookingTestData data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("09:00", "17:00");
        day = data.day();
    }

    @Test
    void theDeskAddsANewCallerAndSeesWhoWaitsForWhat() throws Exception {
        mvc.perform(add("firstName", "Wanda", "lastName", "Waits" + tag, "phone", "(310) 555-0166"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", "workspace.waitlist.added"));
        UUID wanda = patients.search("(310) 555-0166").stream()
                .filter(p -> p.lastName().equals("Waits" + tag))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(waitlist.of(wanda))
                .singleElement()
                .satisfies(e -> assertThat(e.therapistId()).contains(therapist))
                .satisfies(e -> assertThat(e.partOfDay()).isEqualTo(PartOfDay.MORNING));
        mvc.perform(get("/staff/waitlist").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wanda Waits" + tag)))
                .andExpect(content().string(containsString("Morning (before noon)")));
    }

    @Test
    void aCallerWithoutNameOrContactOrWithDaysOutOfOrderIsRefusedAndNothingIsAdded() throws Exception {
        int before = waitlist.waiting(1000).size();
        mvc.perform(add("lastName", "Nobody" + tag))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please enter a first name.")))
                .andExpect(content().string(containsString("Please give a phone number or an email address.")));
        mvc.perform(add(
                        "firstName",
                        "Al",
                        "lastName",
                        "Late" + tag,
                        "phone",
                        "(310) 555-0167",
                        "lastDay",
                        day.minusDays(1).toString()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(add(
                        "firstName",
                        "Al",
                        "lastName",
                        "Late" + tag,
                        "phone",
                        "(310) 555-0167",
                        "service",
                        "no-such-service:60"))
                .andExpect(status().isUnprocessableContent());
        assertThat(waitlist.waiting(1000)).hasSize(before);
    }

    @Test
    void theDeskOffersASuitableFreeTimeByTheUsualOfferAndRemovesARequest() throws Exception {
        UUID patient = patients.findOrCreate(
                        new NewPatient("Olga", "Offer" + tag, null, "olga" + tag + "@example.com", null, "en"))
                .id();
        WaitlistEntry entry = waitlist.join(
                patient,
                new WaitlistRequest("trigger-point", 60, day, day.plusDays(2), PartOfDay.ANY, Optional.of(therapist)));
        List<Slot> times = waitlist.freeTimesFor(entry.id(), 12);
        assertThat(times).isNotEmpty().allMatch(s -> s.therapistId().equals(therapist));

        mvc.perform(get("/staff/waitlist/{id}/offer", entry.id()).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Offer a time to Olga Offer" + tag)));
        String time = times.get(0).start() + "|" + therapist;
        mvc.perform(post("/staff/waitlist/{id}/offer", entry.id())
                        .param("time", time)
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("doneCode", "workspace.waitlist.offered"));
        assertThat(offers(entry.id())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from booking_outbox where kind = 'WAITLIST_OFFER' and recipient = :r")
                        .param("r", "olga" + tag + "@example.com")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // A second offer while one is out, or garbage, is refused and changes nothing.
        mvc.perform(post("/staff/waitlist/{id}/offer", entry.id())
                        .param("time", time)
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "workspace.waitlist.notOffered"));
        mvc.perform(post("/staff/waitlist/{id}/offer", entry.id())
                        .param("time", "garbage")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "workspace.waitlist.notOffered"));
        assertThat(offers(entry.id())).isEqualTo(1);

        mvc.perform(post("/staff/waitlist/{id}/remove", entry.id()).with(DESK).with(csrf()))
                .andExpect(flash().attribute("doneCode", "workspace.waitlist.removed"));
        assertThat(waitlist.get(entry.id()).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void therapistsDoNotOpenTheStaffWaitlist() throws Exception {
        mvc.perform(get("/staff/waitlist").with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/waitlist")
                        .with(user("t@example.com").roles("THERAPIST"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/waitlist/{id}/offer", UUID.randomUUID()).with(DESK))
                .andExpect(status().isNotFound());
    }

    /** The add form for a new caller, with {@code fields} (name, value, name, value...) filled in or replaced. */
    private MockHttpServletRequestBuilder add(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service", "trigger-point:60");
        form.put("firstDay", day.toString());
        form.put("lastDay", day.plusDays(7).toString());
        form.put("partOfDay", "MORNING");
        form.put("therapistId", therapist.toString());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/staff/waitlist").with(DESK).with(csrf());
        form.forEach(request::param);
        return request;
    }

    private int offers(UUID entry) {
        return jdbc.sql("select count(*) from booking_waitlist_offer where entry_id = :e")
                .param("e", entry)
                .query(Integer.class)
                .single();
    }
}
