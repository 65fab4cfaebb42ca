package clinic.relief.billing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk sells gift cards and checks a card's balance and history. A refused sale re-renders the page with its
 * status (422, or 409 for a code in use) and the reason; nothing is written.
 */
@Controller
class GiftCardPages {

    private static final List<Payment.Method> SOLD_WITH =
            List.of(Payment.Method.CARD_TERMINAL, Payment.Method.CASH, Payment.Method.CHECK);

    private final GiftCards giftCards;
    private final BillingViews views;

    GiftCardPages(GiftCards giftCards, BillingViews views) {
        this.giftCards = giftCards;
        this.views = views;
    }

    /** A card as the page shows it. */
    public record CardView(String code, String balance, List<BillingViews.LineView> entries) {}

    @GetMapping("/staff/billing/gift-cards")
    String page(@RequestParam(required = false) String card, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("methods", SOLD_WITH);
        model.addAttribute("card", card);
        if (card != null && !card.isBlank()) {
            Optional<GiftCard> found = giftCards.find(card);
            found.ifPresent(c -> model.addAttribute("found", view(c, locale)));
            model.addAttribute("notFound", found.isEmpty());
        }
        return "billing/gift-cards";
    }

    @PostMapping("/staff/billing/gift-cards")
    String sell(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String paidWith,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            GiftCard card = giftCards.sell(
                    new SellGiftCard(
                            code, InvoicePages.money(amount), InvoicePages.parse(Payment.Method.class, paidWith)),
                    who.getName());
            flash.addFlashAttribute("soldCode", card.code());
            flash.addFlashAttribute("soldAmount", card.balance().format(locale));
            return "redirect:/staff/billing/gift-cards?card=" + card.code();
        } catch (BillingFailure failure) {
            response.setStatus(failure.status().value());
            model.addAttribute("problemText", views.problem(failure, locale));
            model.addAttribute("code", code);
            model.addAttribute("amount", amount);
            return page(null, locale, model, csrf);
        }
    }

    private CardView view(GiftCard card, Locale locale) {
        return new CardView(
                card.code(),
                card.balance().format(locale),
                card.entries().stream()
                        .map(e -> new BillingViews.LineView(
                                views.text("billing.giftCards.entry." + e.kind(), locale, views.date(e.at(), locale)),
                                e.amount().format(locale)))
                        .toList());
    }
}
