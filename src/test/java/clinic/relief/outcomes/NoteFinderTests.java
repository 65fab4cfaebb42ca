package clinic.relief.outcomes;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.PainQuery;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The note page shows what the pain finder said for the assessment the visit was booked with (the client's answers
 * and the ranked muscles), nothing when there was none, and a signed note names the therapist and the time.
 */
@ReliefTest
class NoteFinderTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Assessments assessments;

    @Autowired
    Clock clock;

    @Test
    void theNoteShowsTheFindersAnswersAndRankingAndTheSignatureNamesTheTherapist() throws Exception {
        String therapist = fixture.staffMember(StaffRole.THERAPIST);
        UUID assessment = assessments
                .assess(PainQuery.ofRegions("low_back_lateral_R").withQualities("aching"))
                .id();
        UUID appointment = fixture.visitWithAssessment(fixture.client(), therapist, clock.instant(), assessment);
        mvc.perform(get("/staff/notes/" + appointment).with(user(therapist).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Muscles the finder ranked")))
                .andExpect(content().string(containsString("Quadratus lumborum")))
                .andExpect(content().string(containsString("% match")))
                .andExpect(content().string(containsString("Aching")))
                .andExpect(content().string(containsString("data-region=\"low_back_lateral_R\"")))
                .andExpect(content()
                        .string(containsString(
                                "name=\"painRegions\" value=\"low_back_lateral_R\" checked=\"checked\"")))
                .andExpect(content().string(containsString("name=\"treatedRegions\" value=\"low_back_lateral_R\">")))
                .andExpect(content().string(containsString("The client&#39;s answers")));
        mvc.perform(post("/staff/notes/" + appointment)
                        .with(csrf())
                        .with(user(therapist).roles("THERAPIST"))
                        .param("assessment", "QL")
                        .param("action", "sign"))
                .andExpect(status().is3xxRedirection());
        String displayName = "Staff " + therapist.substring(0, 8);
        mvc.perform(get("/staff/notes/" + appointment).with(user(therapist).roles("THERAPIST")))
                .andExpect(content().string(containsString("Signed by " + displayName + " on ")))
                .andExpect(content().string(not(containsString("Signed by " + therapist))));
    }

    @Test
    void aVisitBookedWithoutTheFinderShowsNoFinderSection() throws Exception {
        String therapist = fixture.staffMember(StaffRole.THERAPIST);
        UUID appointment = fixture.visit(fixture.client(), therapist, clock.instant());
        mvc.perform(get("/staff/notes/" + appointment).with(user(therapist).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Muscles the finder ranked"))));
    }
}
