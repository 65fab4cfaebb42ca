package clinic.relief.workspace.today;

import java.time.LocalTime;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.staff.StaffRole;
import clinic.relief.workspace.WorkspaceFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Today at /staff, per role: the therapist sees their client with the pain finder's suggestions, the last signed
 * note's trigger points and the pain trend (each read audited); the front desk sees the same client as an arrival
 * whose intake is missing, and never a finding; the owner sees the day's figures and the desk's lists.
 */
@ReliefTest
class TodayPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @Autowired
    KnowledgeBase knowledge;

    String therapist;
    UUID client;
    String clientName;
    String musclesFound;

    @BeforeEach
    void aClientWhoCameBeforeAndComesToday() {
        therapist = fixture.staffMember(StaffRole.THERAPIST);
        String lastName = "Today" + UUID.randomUUID().toString().substring(0, 6);
        client = fixture.client(lastName);
        clientName = "Cli " + lastName;
        fixture.signedVisit(client, therapist, 14, "levator_scapulae", 7, 5);
        fixture.signedVisit(client, therapist, 7, "upper_trapezius", 5, 3);
        fixture.bookedToday(client, therapist, LocalTime.of(15, 0));
        musclesFound = knowledge.muscle("upper_trapezius").name().en();
    }

    @Test
    void showsTheTherapistTheirClientWithFinderResultLastFindingsAndPainTrend() throws Exception {
        int notesRead = fixture.auditRows(client, "treatment-note");
        int finderRead = fixture.auditRows(client, "pain-finder-assessment");

        mvc.perform(get("/staff?lang=en").with(user(therapist).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Your clients today (1)"),
                                containsString(clientName),
                                containsString("Pain finder"),
                                containsString(musclesFound + ", right: active, tenderness 2 of 3"),
                                not(containsString(knowledge
                                                .muscle("levator_scapulae")
                                                .name()
                                                .en() + ", right")),
                                containsString("5 before, 3 after"),
                                containsString("Better since the first visit"),
                                not(containsString("Arrivals today")))));

        assertThat(fixture.auditRows(client, "treatment-note")).isEqualTo(notesRead + 1);
        assertThat(fixture.auditRows(client, "pain-finder-assessment")).isEqualTo(finderRead + 1);
    }

    @Test
    void aTherapistWhoNeverTreatedTheClientSeesNoFindings() throws Exception {
        String colleague = fixture.staffMember(StaffRole.THERAPIST);
        UUID other = fixture.client("Newcomer" + UUID.randomUUID().toString().substring(0, 6));
        fixture.signedVisit(other, therapist, 21, "upper_trapezius", 6, 2);
        fixture.bookedToday(other, colleague, LocalTime.of(16, 0));

        mvc.perform(get("/staff?lang=en").with(user(colleague).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Earlier notes open once you have treated this client."),
                                not(containsString(musclesFound + ", right")),
                                not(containsString("6 before, 2 after")))));
    }

    @Test
    void showsTheDeskArrivalsAndMissingIntakesButNoClinicalContent() throws Exception {
        int notesRead = fixture.auditRows(client, "treatment-note");
        String desk = fixture.staffMember(StaffRole.FRONT_DESK);

        mvc.perform(get("/staff?lang=en").with(user(desk).roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Arrivals today"),
                                containsString(clientName),
                                containsString("Intakes missing (today and tomorrow)"),
                                containsString("Requests to approve"),
                                containsString("Waitlist offers out"),
                                containsString("Unpaid balances"),
                                not(containsString(musclesFound)),
                                not(containsString("tenderness")),
                                not(containsString("Last note")),
                                not(containsString("Pain finder")),
                                not(containsString("The day in figures")))));

        assertThat(fixture.auditRows(client, "treatment-note")).isEqualTo(notesRead);
    }

    @Test
    void listsUnconfirmedOnlineBookingsAndOpenWaitlistOffersForTheDesk() throws Exception {
        String held = "Held" + UUID.randomUUID().toString().substring(0, 6);
        String waiting = "Waiting" + UUID.randomUUID().toString().substring(0, 6);
        fixture.unconfirmedTomorrow(fixture.client(held), therapist, LocalTime.of(11, 0));
        fixture.openOffer(fixture.client(waiting), therapist, LocalTime.of(12, 0));
        String desk = fixture.staffMember(StaffRole.FRONT_DESK);

        String page = mvc.perform(get("/staff?lang=en").with(user(desk).roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(section(page, "queue-unconfirmed")).contains("Cli " + held).doesNotContain("Cli " + waiting);
        assertThat(section(page, "queue-offers")).contains("Cli " + waiting).doesNotContain("Cli " + held);
        assertThat(section(page, "queue-intakes")).contains(clientName);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void showsTheOwnerTheDaysFiguresAndTheDesksLists() throws Exception {
        String owner = fixture.staffMember(StaffRole.OWNER);

        mvc.perform(get("/staff?lang=en").with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("The day in figures"),
                                containsString("Taken today"),
                                containsString("Utilisation"),
                                containsString("No-shows"),
                                containsString("Cancellations"),
                                containsString("New clients"),
                                containsString("First visits reaching the clinically important change"),
                                containsString("href=\"/staff/outcomes/results\""),
                                containsString("Arrivals today"),
                                containsString(clientName),
                                not(containsString(musclesFound)))));
    }

    @Test
    void speaksSpanish() throws Exception {
        mvc.perform(get("/staff?lang=es").with(user(therapist).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Tus clientes de hoy (1)"),
                                containsString("Mejor desde la primera visita"))));
    }
}
