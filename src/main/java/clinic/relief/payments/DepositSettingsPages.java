package clinic.relief.payments;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import clinic.relief.booking.Booking;
import clinic.relief.shared.Money;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's deposit settings: per service none, a fixed deposit, or the full price. Without Stripe the page says no
 * deposit is asked (the settings are kept for when it is configured). A bad amount or an unknown service changes
 * nothing and says why.
 */
@Controller
class DepositSettingsPages {

    static final String PATH = "/staff/payments/deposits";

    /** One row of the page: a service and its rule's kind and fixed amount (blank unless fixed). */
    record Row(String serviceId, String name, String kind, String amount) {}

    private final ServiceDeposits rules;
    private final Booking booking;

    DepositSettingsPages(ServiceDeposits rules, Booking booking) {
        this.rules = rules;
        this.booking = booking;
    }

    @GetMapping(PATH)
    String page(Locale locale, Model model) {
        Map<String, DepositRule> set = rules.rules();
        List<Row> rows = booking.services().stream()
                .map(service ->
                        row(service.id(), service.name(locale), set.getOrDefault(service.id(), new DepositRule.None())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("asked", rules.asked());
        return "payments/deposits";
    }

    @PostMapping(PATH)
    String save(
            @RequestParam(defaultValue = "") String service,
            @RequestParam(defaultValue = "NONE") String kind,
            @RequestParam(defaultValue = "") String amount,
            Authentication who,
            RedirectAttributes flash) {
        if (booking.services().stream().noneMatch(s -> s.id().equals(service))) {
            flash.addFlashAttribute("problem", "payments.deposit.unknown");
            return "redirect:" + PATH;
        }
        DepositRule rule;
        try {
            rule = switch (kind) {
                case "FIXED" -> new DepositRule.Fixed(Money.of(amount.strip().replace("$", "")));
                case "FULL_PRICE" -> new DepositRule.FullPrice();
                default -> new DepositRule.None();
            };
        } catch (IllegalArgumentException | ArithmeticException badAmount) {
            flash.addFlashAttribute("problem", "payments.deposits.badAmount");
            return "redirect:" + PATH;
        }
        rules.set(service, rule, who.getName());
        flash.addFlashAttribute("notice", "payments.deposits.saved");
        return "redirect:" + PATH;
    }

    private static Row row(String id, String name, DepositRule rule) {
        if (rule instanceof DepositRule.Fixed fixed) {
            return new Row(id, name, "FIXED", fixed.amount().amount().toPlainString());
        }
        return new Row(id, name, rule instanceof DepositRule.FullPrice ? "FULL_PRICE" : "NONE", "");
    }
}
