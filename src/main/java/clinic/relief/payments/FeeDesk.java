package clinic.relief.payments;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's actions on a fee from the appointment panel: waive it (while nothing is on its way to Stripe) or charge
 * it now instead of waiting for the sweep. Both return to the appointment's panel with what happened.
 */
@Controller
class FeeDesk {

    private final FeeCharges fees;

    FeeDesk(FeeCharges fees) {
        this.fees = fees;
    }

    @PostMapping("/staff/payments/fees/{id}/waive")
    String waive(@PathVariable UUID id, Authentication who, RedirectAttributes flash) {
        Fee fee = fees.find(id);
        try {
            fees.waive(id, who.getName());
            flash.addFlashAttribute("notice", "payments.fee.waived");
        } catch (PaymentsFailure failure) {
            flash.addFlashAttribute("problem", failure.code());
        }
        return panel(fee);
    }

    @PostMapping("/staff/payments/fees/{id}/charge")
    String charge(@PathVariable UUID id, RedirectAttributes flash) {
        Fee fee = fees.find(id);
        try {
            Fee.State state = fees.charge(id);
            flash.addFlashAttribute(
                    "notice", state == Fee.State.PAID ? "payments.fee.charged" : "payments.fee.notCharged");
        } catch (PaymentsFailure failure) {
            flash.addFlashAttribute("problem", failure.code());
        }
        return panel(fee);
    }

    private static String panel(Fee fee) {
        return "redirect:/staff/schedule/appointments/" + fee.appointmentId();
    }
}
