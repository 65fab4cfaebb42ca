package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import clinic.relief.ReliefTest;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notes list by date range and client name: today by default, a therapist sees only their own visits, the owner
 * everyone's, and a backwards or too long range is a clear 400 listing nothing.
 */
@ReliefTest
class NoteListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Patients patients;

    @Autowired
    ClinicProfile clinic;

    @Autowired
    Clock clock;

    String mine;
    String other;
    String earlier;
    String othersClient;
    String othersVisit;
    LocalDate today;

    @BeforeEach
    void visits() {
        ZoneId zone = clinic.zone();
        today = LocalDate.ofInstant(clock.instant(), zone);
        Instant noonToday = today.atTime(12, 0).atZone(zone).toInstant();
        String therapist = fixture.staffMember(StaffRole.THERAPIST);
        String colleague = fixture.staffMember(StaffRole.THERAPIST);
        mine = therapist;
        other = colleague;
        earlier =
                name(fixture.visitOf(fixture.visit(fixture.client(), therapist, noonToday.minus(3, ChronoUnit.DAYS))));
        Visit others = fixture.visitOf(fixture.visit(fixture.client(), colleague, noonToday));
        othersClient = name(others);
        othersVisit = "/staff/notes/" + others.appointmentId();
        fixture.visit(fixture.client(), therapist, noonToday);
    }

    @Test
    void theDefaultIsTodayAndARangeReachesEarlierDays() throws Exception {
        mvc.perform(get("/staff/notes").with(user(mine).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(earlier))))
                .andExpect(content().string(containsString("Previous day")));
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(7).toString())
                        .param("to", today.toString())
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(earlier)));
    }

    @Test
    void theSearchKeepsOnlyClientsWhoseNameMatches() throws Exception {
        String part = earlier.substring(earlier.length() - 6);
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(7).toString())
                        .param("to", today.toString())
                        .param("q", part.toUpperCase())
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(earlier)))
                .andExpect(content().string(containsString("visit-list")))
                .andExpect(content().string(containsString("class=\"card visit\"")));
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(7).toString())
                        .param("to", today.toString())
                        .param("q", "nobody-by-this-name")
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"card visit\""))))
                .andExpect(content().string(containsString("No completed visits match.")));
    }

    @Test
    void aTherapistNeverSeesAnotherTherapistsVisitsButTheOwnerSeesAll() throws Exception {
        mvc.perform(get("/staff/notes").param("q", othersClient).with(user(mine).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(othersVisit))));
        mvc.perform(get("/staff/notes").with(user(mine).roles("THERAPIST")))
                .andExpect(content().string(not(containsString(othersVisit))));
        mvc.perform(get("/staff/notes")
                        .param("q", othersClient)
                        .with(user(other).roles("THERAPIST")))
                .andExpect(content().string(containsString(othersVisit)));
        String owner = fixture.staffMember(StaffRole.OWNER);
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(3).toString())
                        .param("to", today.toString())
                        .with(user(owner).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(othersVisit)))
                .andExpect(content().string(containsString(earlier)));
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(3).toString())
                        .param("to", today.toString())
                        .with(user(fixture.staffMember(StaffRole.FRONT_DESK)).roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBackwardsOrTooLongRangeIsAClear400() throws Exception {
        mvc.perform(get("/staff/notes")
                        .param("from", today.toString())
                        .param("to", today.minusDays(1).toString())
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("on or before the end date")));
        mvc.perform(get("/staff/notes")
                        .param("from", today.minusDays(400).toString())
                        .param("to", today.toString())
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/staff/notes")
                        .param("from", "not-a-date")
                        .with(user(mine).roles("THERAPIST")))
                .andExpect(status().isBadRequest());
    }

    private String name(Visit visit) {
        return patients.get(visit.patientId()).fullName();
    }
}
