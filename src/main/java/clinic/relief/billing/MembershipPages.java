package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's membership changes on the billing patient page: switch to another plan from the next monthly charge,
 * and add or remove the household members who share it. A refused change comes back to the page as a localized
 * message with nothing written.
 */
@Controller
class MembershipPages {

    private final Memberships memberships;
    private final Patients patients;

    MembershipPages(Memberships memberships, Patients patients) {
        this.memberships = memberships;
        this.patients = patients;
    }

    @PostMapping("/staff/billing/memberships/{id}/plan")
    String changePlan(@PathVariable UUID id, @RequestParam(required = false) String plan, RedirectAttributes flash) {
        return act(id, () -> memberships.changePlan(id, plan), "billing.planChanged", flash);
    }

    @PostMapping("/staff/billing/memberships/{id}/household")
    String share(@PathVariable UUID id, @RequestParam(required = false) String email, RedirectAttributes flash) {
        return act(id, () -> memberships.shareWith(id, householdMember(email).id()), "billing.householdAdded", flash);
    }

    @PostMapping("/staff/billing/memberships/{id}/household/{patientId}/remove")
    String stopSharing(@PathVariable UUID id, @PathVariable UUID patientId, RedirectAttributes flash) {
        return act(id, () -> memberships.stopSharing(id, patientId), "billing.householdRemoved", flash);
    }

    private Patient householdMember(String email) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || typed.length() > 254) {
            throw BillingFailure.unprocessable("unknownHouseholdMember");
        }
        return patients.findByEmail(typed).orElseThrow(() -> BillingFailure.unprocessable("unknownHouseholdMember"));
    }

    private String act(UUID membershipId, Runnable action, String done, RedirectAttributes flash) {
        return BillingPages.act(action, done, memberships.get(membershipId).patientId(), flash);
    }
}
