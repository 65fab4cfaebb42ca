package clinic.relief.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import clinic.relief.insurance.ClaimState;
import clinic.relief.shared.TravellingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo profile's first start writes six months of the clinic's life that every staff page can show, and comes
 * back to the present when it is done.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
// Three weeks instead of the demo's six months: the same history, written in an eighth of the time.
@TestPropertySource(properties = {"relief.demo.history.enabled=true", "relief.demo.history.days=21"})
class DemoHistoryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void theClockIsBackInThePresent() {
        assertThat(clock).isInstanceOf(TravellingClock.class);
        // The test profile starts the clock at 2026-12-14T17:00:00Z; it has only moved on by the test's own time.
        assertThat(clock.instant())
                .isBetween(
                        Instant.parse("2026-12-14T17:00:00Z"),
                        Instant.parse("2026-12-14T17:00:00Z").plus(1, ChronoUnit.HOURS));
    }

    /** The staff pages read the clinic's day through the demo's clock (its withZone once answered 500 on Today). */
    @ParameterizedTest(name = "{0} opens {2}")
    @CsvSource({
        "OWNER,      owner@demo.relief.test, /staff",
        "OWNER,      owner@demo.relief.test, /staff/schedule",
        "OWNER,      owner@demo.relief.test, /staff/schedule?view=week",
        "OWNER,      owner@demo.relief.test, /staff/patients",
        "OWNER,      owner@demo.relief.test, /staff/waitlist",
        "OWNER,      owner@demo.relief.test, /staff/billing",
        "OWNER,      owner@demo.relief.test, /staff/billing/reports",
        "OWNER,      owner@demo.relief.test, /staff/insurance",
        "OWNER,      owner@demo.relief.test, /staff/notes",
        "OWNER,      owner@demo.relief.test, /staff/settings",
        "FRONT_DESK, desk@demo.relief.test,  /staff",
        "THERAPIST,  maria@demo.relief.test, /staff",
    })
    void everyStaffPageOpensOnTheDemosClock(String role, String email, String page) throws Exception {
        mvc.perform(get(page).with(user(email).roles(role))).andExpect(status().isOk());
    }

    @Test
    void everyAdvertisedHourCanBeBookedWithTheDemoTherapists() throws Exception {
        mvc.perform(get("/staff/settings?lang=en")
                        .with(user("owner@demo.relief.test").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<ul class=\"warnings\""))));
    }

    @Test
    void theClockReadsTheSameInstantInTheClinicsZone() {
        Clock losAngeles = clock.withZone(ZoneId.of("America/Los_Angeles"));
        assertThat(losAngeles.getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(Duration.between(clock.instant(), losAngeles.instant())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sixtyPatientsWithWeeksOfDocumentedPaidVisits() {
        assertThat(count("select count(*) from patient where email like 'patient%@demo.relief.test'"))
                .isEqualTo(60);
        long completed = count("select count(*) from booking_appointment where status = 'COMPLETED'");
        assertThat(completed).isGreaterThan(80);
        assertThat(count("""
                        select count(*) from booking_appointment
                        where status = 'COMPLETED' and starts_at < timestamptz '2026-11-30'""")).isPositive();
        assertThat(count("select count(*) from booking_appointment where status = 'NO_SHOW'"))
                .isPositive();
        assertThat(count("select count(*) from booking_appointment where status = 'CANCELLED'"))
                .isPositive();
        // Every completed visit has a signed note with trigger points and pain before and after.
        assertThat(count("select count(distinct appointment_id) from outcomes_note where signed_at is not null"))
                .isEqualTo(completed);
        assertThat(count("select count(*) from outcomes_pain where before is not null and after is not null"))
                .isEqualTo(completed);
        // Paid at the desk, apart from visits a membership credit or a free follow-up already covered.
        assertThat(count("select count(*) from billing_payment")).isGreaterThan(completed * 3 / 4);
    }

    @Test
    void membershipsAGiftCardAWaitlistAndTheNextTwoWeeksBooked() {
        assertThat(count("select count(*) from billing_membership")).isEqualTo(2);
        assertThat(count("select count(*) from billing_gift_card")).isEqualTo(1);
        assertThat(count("select count(*) from booking_waitlist")).isEqualTo(4);
        assertThat(count("""
                        select count(*) from booking_appointment
                        where status = 'BOOKED' and starts_at > timestamptz '2026-12-15'""")).isGreaterThan(20);
    }

    /**
     * PPO patients with a claim in every state the insurance module knows, each got there through its services: the
     * weekly 837P batches, and the clearinghouse's and payer's answers read from X12 files naming those batches.
     */
    @Test
    void ppoCoveragesWithAClaimInEachState() {
        assertThat(count("select count(*) from insurance_coverage where plan_type = 'PPO'"))
                .isEqualTo(12);
        assertThat(jdbc.sql("select distinct state from insurance_claim")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        Arrays.stream(ClaimState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(jdbc.sql("select distinct acknowledgment from insurance_claim")
                        .query(String.class)
                        .list())
                .contains("ACCEPTED_277CA", "REJECTED_999", "REJECTED_277CA");
        // The rejected claims are back in draft, to be fixed and sent again.
        assertThat(count("""
                        select count(*) from insurance_claim
                        where acknowledgment like 'REJECTED%' and state <> 'DRAFT'""")).isZero();
        // Every file read and posted whole, none refused, every claim it names billed here.
        assertThat(jdbc.sql("""
                        select kind, outcome, count(*) from insurance_x12_file
                        where kind <> '837' group by kind, outcome order by kind""")
                        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
                        .list())
                .containsExactly("277CA POSTED", "835 POSTED", "999 POSTED");
        assertThat(count("select count(*) from insurance_x12_file where detail like '%not billed here%'"))
                .isZero();
        // A paid claim's charge is the payer's payment, the copay and the contractual write-off.
        assertThat(count("""
                        select count(*) from insurance_claim c
                        where c.state = 'PAID' and c.patient_share <> 25.00""")).isZero();
    }

    /** The claims list in every state, each claim's page, the aging report and the remittances open for the desk. */
    @ParameterizedTest(name = "{0} opens the claims")
    @CsvSource({"OWNER, owner@demo.relief.test", "FRONT_DESK, desk@demo.relief.test"})
    void everyClaimsPageOpensWithTheDemoClaims(String role, String email) throws Exception {
        for (ClaimState state : ClaimState.values()) {
            mvc.perform(get("/staff/insurance?state=" + state).with(user(email).roles(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("/staff/insurance/claims/")));
        }
        for (UUID id : jdbc.sql("select distinct on (state) id from insurance_claim order by state, number")
                .query(UUID.class)
                .list()) {
            mvc.perform(get("/staff/insurance/claims/" + id).with(user(email).roles(role)))
                    .andExpect(status().isOk());
        }
        String waiting = "R" + count("select min(number) from insurance_claim where state = 'SUBMITTED'");
        mvc.perform(get("/staff/insurance/aging").with(user(email).roles(role)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(waiting)));
        mvc.perform(get("/staff/insurance/aging.csv").with(user(email).roles(role)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(",SUBMITTED,")));
        mvc.perform(get("/staff/insurance/remittances").with(user(email).roles(role)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("demo-")));
        mvc.perform(get("/staff/insurance/patients").with(user(email).roles(role)))
                .andExpect(status().isOk());
    }

    /** Claims carry diagnoses: a therapist does not see them, demo data or not. */
    @Test
    void aTherapistDoesNotSeeTheClaims() throws Exception {
        mvc.perform(get("/staff/insurance").with(user("maria@demo.relief.test").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    /** Two new clients' online requests wait for the desk's approval. */
    @Test
    void twoRequestsAwaitApproval() {
        assertThat(count("""
                        select count(*) from booking_appointment a join patient p on p.id = a.patient_id
                        where a.status = 'REQUESTED' and p.email like 'new%@demo.relief.test'""")).isEqualTo(2);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
