package clinic.relief.outcomes;

import clinic.relief.ReliefTest;
import clinic.relief.staff.StaffRole;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff menu links the notes and the owner's results for the roles that may open them; the footer links /results. */
@ReliefTest
class OutcomesNavigationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutcomesFixture fixture;

    @ParameterizedTest(name = "{0}: notes linked {1} ({2}), results linked {3} ({4})")
    @CsvSource({
        "OWNER,      true,  200, true,  200",
        "THERAPIST,  true,  200, false, 403",
        "FRONT_DESK, false, 403, false, 403",
    })
    void theStaffMenuLinksOnlyWhatTheRoleMayOpen(
            StaffRole role, boolean notesLinked, int notesStatus, boolean resultsLinked, int resultsStatus)
            throws Exception {
        String email = fixture.staffMember(role);
        mvc.perform(get("/staff").with(user(email).roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(content().string(link("/staff/notes", notesLinked)))
                .andExpect(content().string(link("/staff/outcomes/results", resultsLinked)));
        mvc.perform(get("/staff/notes").with(user(email).roles(role.name()))).andExpect(status().is(notesStatus));
        mvc.perform(get("/staff/outcomes/results").with(user(email).roles(role.name())))
                .andExpect(status().is(resultsStatus));
    }

    @Test
    void thePublicFooterLinksTheResultsForEveryone() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/results\"")));
        mvc.perform(get("/results")).andExpect(status().isOk());
        mvc.perform(get("/staff/notes")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/outcomes/results")).andExpect(status().is3xxRedirection());
    }

    private static Matcher<String> link(String path, boolean present) {
        Matcher<String> href = containsString("href=\"" + path + "\"");
        return present ? href : not(href);
    }
}
