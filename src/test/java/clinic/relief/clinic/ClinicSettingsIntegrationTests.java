package clinic.relief.clinic;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The clinic's details the owner edits at run time: seeded from the profile file, versioned, checked, logged. */
@ReliefTest
class ClinicSettingsIntegrationTests {

    @Autowired
    ClinicSettings settings;

    @Autowired
    ClinicDetailsStore store;

    @Autowired
    ClinicProfileFile file;

    @Autowired
    ClinicProfile profile;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    /** Every test leaves the details as the profile file gives them, so the other tests see the usual clinic. */
    @AfterEach
    void restoreTheFilesDetails() {
        ClinicMoves.restore(settings, ClinicDetails.of(file));
    }

    @Test
    void theDetailsAreSeededFromTheProfileFileOnce() {
        assertThat(settings.current().details()).isEqualTo(ClinicDetails.of(file));
        assertThat(profile.phone()).isEqualTo(file.phone());
        assertThat(profile.address()).isEqualTo(file.address());

        store.seedIfEmpty(typed("(213) 555-0199", "x@example.com"), clock.instant());

        assertThat(jdbc.sql("select count(*) from clinic_details")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(settings.current().details().phone()).isEqualTo(file.phone());
    }

    @Test
    void anEditShowsOnThePublicPagesAndInTheNextEmailAndIsLoggedWithWhoMadeIt() throws Exception {
        ClinicSettings.Current before = settings.current();
        int logged = changes();

        settings.edit(before.version(), typed("+1 213 555 0199", "Hello@Clinic.Example"), "owner@x");

        assertThat(settings.current().version()).isEqualTo(before.version() + 1);
        assertThat(profile.phone()).isEqualTo("+12135550199");
        assertThat(profile.phoneDisplay()).isEqualTo("(213) 555-0199");
        assertThat(profile.contactEmail()).isEqualTo("Hello@clinic.example");
        assertThat(profile.address().street()).isEqualTo("77 New Street, Suite 2");
        assertThat(profile.address().country()).isEqualTo(file.address().country());
        assertThat(profile.email()).isEqualTo(file.email());
        assertThat(changes()).isEqualTo(logged + 1);
        ClinicDetailsChange change = settings.changes(1).get(0);
        assertThat(change.actor()).isEqualTo("owner@x");
        assertThat(change.before()).contains(file.phone());
        assertThat(change.after()).contains("+12135550199").contains("77 New Street");

        mvc.perform(get("/contact?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("tel:+12135550199"),
                                containsString("(213) 555-0199"),
                                containsString("77 New Street, Suite 2"),
                                containsString("Hello@clinic.example"),
                                not(containsString(file.phoneDisplay())))));

        String email = "details-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/account/signup")
                        .with(csrf())
                        .param("firstName", "Pat")
                        .param("lastName", "Details")
                        .param("phone", "310 555 0123")
                        .param("email", email)
                        .param("password", "correct horse battery")
                        .param("passwordAgain", "correct horse battery"))
                .andExpect(status().is3xxRedirection());
        String mail = jdbc.sql("select body from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(mail).contains("(213) 555-0199").doesNotContain(file.phoneDisplay());
    }

    @Test
    void anEditFromAStaleVersionChangesNothing() {
        int seen = settings.current().version();
        settings.edit(seen, typed("(213) 555-0199", ""), "first@x");
        int logged = changes();

        assertThatThrownBy(() -> settings.edit(seen, typed("(424) 555-0111", ""), "second@x"))
                .isInstanceOf(ClinicDetailsChangedMeanwhile.class);

        assertThat(profile.phone()).isEqualTo("+12135550199");
        assertThat(settings.current().version()).isEqualTo(seen + 1);
        assertThat(changes()).isEqualTo(logged);
    }

    @ParameterizedTest(name = "{0} = [{1}] is refused with {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name          |                   | clinic.details.error.required",
                "name          | ${long}           | clinic.details.error.tooLong",
                "shortName     | Short\u0007Name    | clinic.details.error.control",
                "centerName    | Line\tbreak       | clinic.details.error.control",
                "phone         | (123) 456-7890    | clinic.details.error.phone",
                "phone         | +44 20 7946 0958  | clinic.details.error.phone",
                "phone         | call us           | clinic.details.error.phone",
                "contactEmail  | not-an-address    | clinic.details.error.email",
                "contactEmail  | a@b               | clinic.details.error.email",
                "street        |                   | clinic.details.error.required",
                "city          | ${long}           | clinic.details.error.tooLong",
                "region        | California        | clinic.details.error.region",
                "postalCode    | 9027              | clinic.details.error.zip",
                "postalCode    | 90277-12          | clinic.details.error.zip",
            })
    void badValuesAreRefusedFieldByFieldAndChangeNothing(String field, String value, String key) {
        String bad = value == null ? "" : value.replace("${long}", "x".repeat(200));
        ClinicSettings.Current before = settings.current();
        int logged = changes();

        assertThatThrownBy(() -> {
                    ClinicDetails details = typedWith(field, bad);
                    settings.edit(before.version(), details, "owner@x");
                })
                .isInstanceOfSatisfying(
                        ClinicDetailsRefused.class,
                        refused ->
                                assertThat(refused.problems()).containsExactly(new ClinicDetails.Problem(field, key)));

        assertThat(settings.current()).isEqualTo(before);
        assertThat(changes()).isEqualTo(logged);
    }

    private int changes() {
        return jdbc.sql("select count(*) from clinic_details_change")
                .query(Integer.class)
                .single();
    }

    private ClinicDetails typed(String phone, String email) {
        return ClinicDetails.typed(
                "Test Clinic of Relief",
                "Test Clinic",
                "",
                phone,
                email,
                "77 New Street, Suite 2",
                "Torrance",
                "ca",
                "90501",
                file.address().country());
    }

    private ClinicDetails typedWith(String field, String value) {
        return ClinicDetails.typed(
                field.equals("name") ? value : "Test Clinic of Relief",
                field.equals("shortName") ? value : "Test Clinic",
                field.equals("centerName") ? value : "",
                field.equals("phone") ? value : "(213) 555-0199",
                field.equals("contactEmail") ? value : "",
                field.equals("street") ? value : "77 New Street",
                field.equals("city") ? value : "Torrance",
                field.equals("region") ? value : "CA",
                field.equals("postalCode") ? value : "90501",
                file.address().country());
    }
}
