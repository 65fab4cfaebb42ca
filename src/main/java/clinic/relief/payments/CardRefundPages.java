package clinic.relief.payments;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoice page's "refund to card" form (owner and front desk):
 * the refund goes back to the original PaymentIntent through Stripe; a refused one returns to the invoice with the
 * reason and nothing recorded.
 */
@Controller
class CardRefundPages {

    private final CardRefunds refunds;
    private final MessageSource messages;

    CardRefundPages(CardRefunds refunds, MessageSource messages) {
        this.refunds = refunds;
        this.messages = messages;
    }

    @PostMapping("/staff/payments/invoices/{id}/refunds")
    String refund(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String paymentIntent,
            @RequestParam(defaultValue = "") String amount,
            Authentication who,
            Locale locale,
            RedirectAttributes flash) {
        try {
            refunds.refund(id, paymentIntent, amount(amount), who.getName());
            flash.addFlashAttribute("doneCode", "payments.refund.done");
        } catch (PaymentsFailure failure) {
            Object[] args = "payments.problem.refundTooLarge".equals(failure.code())
                    ? new Object[] {refunds.refundable(paymentIntent).format(locale)}
                    : new Object[0];
            flash.addFlashAttribute("problemText", messages.getMessage(failure.code(), args, locale));
        }
        return "redirect:/staff/billing/invoices/" + id;
    }

    private static Money amount(String text) {
        try {
            return Money.of(text.strip().replace("$", ""));
        } catch (IllegalArgumentException | ArithmeticException notAnAmount) {
            throw new PaymentsFailure("payments.problem.refundAmount");
        }
    }
}
