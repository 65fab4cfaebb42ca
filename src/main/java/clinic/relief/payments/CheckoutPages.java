package clinic.relief.payments;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.billing.BillingFailure;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Payment;
import clinic.relief.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's checkout page of a visit (owner and front desk), opened from the appointment panel: the invoice's lines
 * and payments, the tip, and payment by the desk's methods or the card on file, part by part. Refused input
 * re-renders the page with its 4xx status and the reason, with nothing written; a card charge returns to the page
 * with what Stripe answered.
 */
@Controller
class CheckoutPages {

    private final DeskCheckouts checkouts;
    private final MessageSource messages;

    CheckoutPages(DeskCheckouts checkouts, MessageSource messages) {
        this.checkouts = checkouts;
        this.messages = messages;
    }

    /** One invoice line as the page shows it. */
    record LineRow(String kind, String text, String amount) {}

    /** One payment as the page shows it. */
    record PaymentRow(String method, String amount, boolean refund) {}

    @GetMapping("/staff/payments/checkout/{appointmentId}")
    String page(@PathVariable UUID appointmentId, Locale locale, Model model) {
        DeskCheckouts.Checkout checkout = checkouts.of(appointmentId);
        Invoice invoice = checkout.invoice();
        model.addAttribute("c", checkout);
        model.addAttribute(
                "lines",
                invoice.lines().stream()
                        .map(line -> new LineRow(
                                line.kind().name(),
                                line.text(messages, locale),
                                line.amount().format(locale)))
                        .toList());
        model.addAttribute(
                "paid",
                invoice.payments().stream()
                        .map(p -> new PaymentRow(
                                messages.getMessage(
                                        "billing.methodName." + p.method().name(), null, locale),
                                p.amount().format(locale),
                                p.kind() == Payment.Kind.REFUND))
                        .toList());
        model.addAttribute("total", invoice.total().format(locale));
        model.addAttribute("paidTotal", invoice.paid().format(locale));
        model.addAttribute("balance", invoice.balance().format(locale));
        model.addAttribute("owed", invoice.balance().max(Money.ZERO).toString());
        model.addAttribute("methods", Payment.Method.atDesk());
        return "payments/checkout";
    }

    @PostMapping("/staff/payments/checkout/{appointmentId}/tip")
    String tip(
            @PathVariable UUID appointmentId,
            @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "") String tip,
            @RequestParam(defaultValue = "") String customTip,
            Authentication who,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Money amount = checkouts.tip(appointmentId, version(version), tip, customTip, who.getName());
            flash.addFlashAttribute(
                    "notice",
                    messages.getMessage("payments.checkout.tipAdded", new Object[] {amount.format(locale)}, locale));
            return redirect(appointmentId);
        } catch (CheckoutProblem | BillingFailure problem) {
            model.addAttribute("customTip", customTip);
            return refused(appointmentId, problem, locale, model, response);
        }
    }

    @PostMapping("/staff/payments/checkout/{appointmentId}/pay")
    String pay(
            @PathVariable UUID appointmentId,
            @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(required = false) String giftCard,
            @RequestParam(required = false) String note,
            Authentication who,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Money money = DeskCheckouts.amount(amount).orElseThrow(() -> CheckoutProblem.invalid("noAmount"));
            if ("CARD_READER".equals(method)) {
                return card(
                        appointmentId,
                        checkouts.chargeReader(appointmentId, version(version), money),
                        money,
                        locale,
                        flash);
            }
            if ("CARD_ON_FILE".equals(method)) {
                return card(
                        appointmentId,
                        checkouts.chargeCard(appointmentId, version(version), money),
                        money,
                        locale,
                        flash);
            }
            Payment.Method how = method(method);
            checkouts.pay(appointmentId, version(version), how, money, note, giftCard, who.getName());
            flash.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "payments.checkout.paid",
                            new Object[] {
                                money.format(locale),
                                messages.getMessage("billing.methodName." + how.name(), null, locale)
                            },
                            locale));
            return redirect(appointmentId);
        } catch (CheckoutProblem | BillingFailure problem) {
            model.addAttribute("amountTyped", amount);
            model.addAttribute("giftCard", giftCard);
            return refused(appointmentId, problem, locale, model, response);
        }
    }

    @PostMapping("/staff/payments/checkout/{appointmentId}/retry")
    String retry(
            @PathVariable UUID appointmentId,
            @RequestParam(defaultValue = "") String version,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            DeskCheckouts.Checkout checkout = checkouts.of(appointmentId);
            Money amount = checkout.chargeAmount().orElse(Money.ZERO);
            return card(appointmentId, checkouts.retry(appointmentId, version(version)), amount, locale, flash);
        } catch (CheckoutProblem problem) {
            return refused(appointmentId, problem, locale, model, response);
        }
    }

    private String card(
            UUID appointmentId,
            DeskCheckouts.CardOutcome outcome,
            Money amount,
            Locale locale,
            RedirectAttributes flash) {
        String text = messages.getMessage(
                "payments.checkout.card." + outcome.name(), new Object[] {amount.format(locale)}, locale);
        boolean fine = outcome == DeskCheckouts.CardOutcome.PAID || outcome == DeskCheckouts.CardOutcome.ON_READER;
        flash.addFlashAttribute(fine ? "notice" : "problemText", text);
        return redirect(appointmentId);
    }

    private String refused(
            UUID appointmentId, RuntimeException problem, Locale locale, Model model, HttpServletResponse response) {
        if (problem instanceof CheckoutProblem checkout) {
            response.setStatus(checkout.getStatusCode().value());
            model.addAttribute(
                    "problemText", messages.getMessage(checkout.code(), args(checkout.args(), locale), locale));
        } else if (problem instanceof BillingFailure billing) {
            response.setStatus(billing.status().value());
            model.addAttribute(
                    "problemText",
                    messages.getMessage("billing.problem." + billing.code(), args(billing.args(), locale), locale));
        }
        return page(appointmentId, locale, model);
    }

    private static Object[] args(List<Object> args, Locale locale) {
        return args.stream()
                .map(arg -> arg instanceof Money money ? money.format(locale) : arg)
                .toArray();
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException stale) {
            throw CheckoutProblem.changed();
        }
    }

    private static Payment.Method method(String text) {
        for (Payment.Method method : Payment.Method.atDesk()) {
            if (method.name().equals(text)) {
                return method;
            }
        }
        throw CheckoutProblem.invalid("method");
    }

    private static String redirect(UUID appointmentId) {
        return "redirect:/staff/payments/checkout/" + appointmentId;
    }
}
