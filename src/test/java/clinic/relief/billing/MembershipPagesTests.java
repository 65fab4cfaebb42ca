package clinic.relief.billing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class MembershipPagesTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    Patients patients;

    @Autowired
    Memberships memberships;

    @Autowired
    Plans plans;

    @Test
    void theDeskSwitchesAMemberToAnotherPlanFromTheNextCharge() throws Exception {
        UUID patient = patient(null);
        Membership membership = memberships.enrol(patient, "relief-monthly");
        Plan other = new Plan(
                "test-page-" + UUID.randomUUID(),
                Map.of("en", "Relief Plus", "es", "Relief Plus"),
                Money.of("99"),
                List.of(new Plan.IncludedCredit("trigger-point", 90, 1)),
                Map.of(),
                2,
                3,
                60,
                6,
                Money.of("50"),
                30,
                Money.of("10"),
                true,
                false);
        plans.save(other);

        mvc.perform(post("/staff/billing/memberships/{id}/plan", membership.id())
                        .param("plan", other.id())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", "billing.planChanged"));

        assertThat(memberships.get(membership.id()).nextPlanId()).isEqualTo(other.id());
        mvc.perform(get("/staff/billing/patients/{id}", patient).with(DESK))
                .andExpect(content().string(containsString("Changes to Relief Plus at the next monthly charge.")));
    }

    @Test
    void theDeskEndsAFreezeFromTheButtonThatReplacesFreeze() throws Exception {
        UUID patient = patient(null);
        Membership membership = memberships.enrol(patient, "relief-monthly");
        String unfreeze = "/staff/billing/memberships/" + membership.id() + "/unfreeze";
        mvc.perform(post(unfreeze).with(DESK).with(csrf()))
                .andExpect(flash().attribute("problemCode", "billing.problem.notFrozen"));

        mvc.perform(post("/staff/billing/memberships/{id}/freeze", membership.id())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("doneCode", "billing.frozen"));
        mvc.perform(get("/staff/billing/patients/{id}", patient).with(DESK))
                .andExpect(content().string(containsString("action=\"" + unfreeze + "\"")))
                .andExpect(content().string(not(containsString("/freeze\""))));

        mvc.perform(post(unfreeze).with(DESK).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", "billing.unfrozen"));
        Membership active = memberships.get(membership.id());
        assertThat(active.isFrozen()).isFalse();
        assertThat(active.frozenUntil()).isNull();
    }

    @Test
    void aBadPlanComesBackAsALocalizedMessageAndChangesNothing() throws Exception {
        UUID patient = patient(null);
        Membership membership = memberships.enrol(patient, "relief-monthly");

        // the flash message lives in the (Spring Session) session the redirect's cookie names
        Cookie session = mvc.perform(post("/staff/billing/memberships/{id}/plan", membership.id())
                        .param("plan", "<script>")
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problemCode", "billing.problem.planNotOffered"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/staff/billing/patients/{id}", patient)
                        .param("lang", "es")
                        .cookie(session)
                        .with(DESK))
                .andExpect(content().string(containsString("Elija uno de los planes que se ofrecen.")));
        mvc.perform(post("/staff/billing/memberships/{id}/plan", membership.id())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "billing.problem.planNotOffered"));

        assertThat(memberships.get(membership.id()).nextPlanId()).isNull();
        assertThat(memberships.get(membership.id()).planId()).isEqualTo("relief-monthly");
    }

    @Test
    void aHouseholdMemberAddedByEmailGetsTheSharedCreditInTheQuoteUntilRemoved() throws Exception {
        UUID member = patient(null);
        String email = "household-" + UUID.randomUUID() + "@example.com";
        UUID spouse = patient(email);
        Membership membership = memberships.enrol(member, "relief-monthly");

        mvc.perform(post("/staff/billing/memberships/{id}/household", membership.id())
                        .param("email", email.toUpperCase())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("doneCode", "billing.householdAdded"));
        mvc.perform(get("/staff/billing/patients/{id}", spouse)
                        .param("choice", "trigger-point:60")
                        .with(DESK))
                .andExpect(content().string(containsString("Paid with a Relief Monthly membership credit")))
                .andExpect(content().string(containsString("as a household member")));

        mvc.perform(post("/staff/billing/memberships/{id}/household/{p}/remove", membership.id(), spouse)
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("doneCode", "billing.householdRemoved"));
        mvc.perform(get("/staff/billing/patients/{id}", spouse)
                        .param("choice", "trigger-point:60")
                        .with(DESK))
                .andExpect(content().string(not(containsString("membership credit"))));
        assertThat(memberships.household(membership.id())).isEmpty();
    }

    @Test
    void anUnknownEmailOrTheMemberThemselvesIsRefusedWithNothingShared() throws Exception {
        String email = "self-" + UUID.randomUUID() + "@example.com";
        UUID member = patient(email);
        Membership membership = memberships.enrol(member, "relief-monthly");

        for (String typed : new String[] {"nobody-" + UUID.randomUUID() + "@example.com", "", "x".repeat(300)}) {
            mvc.perform(post("/staff/billing/memberships/{id}/household", membership.id())
                            .param("email", typed)
                            .with(DESK)
                            .with(csrf()))
                    .andExpect(flash().attribute("problemCode", "billing.problem.unknownHouseholdMember"));
        }
        mvc.perform(post("/staff/billing/memberships/{id}/household", membership.id())
                        .param("email", email)
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "billing.problem.shareWithSelf"));
        mvc.perform(post("/staff/billing/memberships/{id}/household/{p}/remove", membership.id(), UUID.randomUUID())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(flash().attribute("problemCode", "billing.problem.notInHousehold"));
        assertThat(memberships.household(membership.id())).isEmpty();
    }

    private UUID patient(String email) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Hal", "House" + tag, "310 556 " + tag.substring(0, 4), email, null, "en"))
                .id();
    }
}
