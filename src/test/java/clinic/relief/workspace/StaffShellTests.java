package clinic.relief.workspace;

import java.util.ArrayList;
import java.util.List;

import clinic.relief.ReliefTest;
import clinic.relief.staff.StaffRole;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff shell on every staff page: each role's sections and no others, the patient search form (which works
 * without JavaScript), language and sign-out, and the staff stylesheet and script, which public pages never load.
 */
@ReliefTest
class StaffShellTests {

    private static final List<String> SECTIONS = List.of(
            "/staff/waitlist",
            "/staff/billing",
            "/staff/insurance",
            "/staff/notes",
            "/staff/billing/reports",
            "/staff/settings",
            "/admin/outbox");

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceFixture fixture;

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({
        "OWNER,      /staff/waitlist /staff/billing /staff/insurance /staff/notes /staff/billing/reports /staff/settings",
        "FRONT_DESK, /staff/waitlist /staff/billing /staff/insurance /admin/outbox",
        "THERAPIST,  /staff/notes",
    })
    void showsEachRoleItsOwnSections(StaffRole role, String sections) throws Exception {
        List<String> shown = List.of(sections.split(" "));
        List<Matcher<? super String>> expected = new ArrayList<>();
        for (String section : SECTIONS) {
            Matcher<String> link = containsString("<a href=\"" + section + "\"");
            expected.add(shown.contains(section) ? link : not(link));
        }
        expected.add(containsString("<a href=\"/staff\""));
        expected.add(containsString("<a href=\"/staff/schedule\""));
        expected.add(containsString("<a href=\"/staff/patients\""));
        expected.add(containsString("<a href=\"/staff/blog/comments\""));

        mvc.perform(get("/staff?lang=en").with(user(fixture.staffMember(role)).roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(expected)));
    }

    @Test
    void carriesTheSearchFormLanguageSwitchSignOutAndTheStaffAssets() throws Exception {
        mvc.perform(get("/staff?lang=en")
                        .with(user(fixture.staffMember(StaffRole.FRONT_DESK)).roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<form class=\"staff-search\" role=\"search\" action=\"/staff/patients\" method=\"get\""),
                                containsString("name=\"q\""),
                                containsString("aria-keyshortcuts=\"/\""),
                                containsString("data-suggest=\"/staff/patients/search.json\""),
                                containsString("hreflang=\"es\""),
                                containsString("action=\"/staff/logout\""),
                                containsString("href=\"/css/staff.css\""),
                                containsString("src=\"/js/staff.js\""),
                                not(containsString("href=\"/pain-finder\"")))));
    }

    @Test
    void publicPagesAndTheSignInPageLoadNoStaffAssets() throws Exception {
        for (String page : List.of("/", "/staff/login")) {
            mvc.perform(get(page))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(not(containsString("/css/staff.css")), not(containsString("/js/staff.js")))));
        }
    }
}
