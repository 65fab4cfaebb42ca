package clinic.relief.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's daily reconciliation page: a date (yesterday by default, in the clinic's time zone), the day's totals,
 * each payout with the payments it contains, and what is on one side only. A date that is not one is a 400 with a
 * message; without Stripe the page says payments are manual.
 */
@Controller
class ReconciliationPages {

    private final Reconciliation reconciliation;
    private final StripeGateway stripe;
    private final Clock clock;
    private final ZoneId zone;

    ReconciliationPages(Reconciliation reconciliation, StripeGateway stripe, Clock clock, ClinicProfile clinic) {
        this.reconciliation = reconciliation;
        this.stripe = stripe;
        this.clock = clock;
        this.zone = clinic.zone();
    }

    /** A money amount and a reconciliation report as the page shows them. */
    record Shown(String charged, String refunded, String paidOut, String fees) {}

    @GetMapping("/staff/payments/reconciliation")
    String page(@RequestParam(required = false) String date, Locale locale, Model model, HttpServletResponse response) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException notADate) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("problem", "payments.reconciliation.badDate");
                return "payments/reconciliation";
            }
        }
        model.addAttribute("date", day);
        if (!stripe.enabled()) {
            model.addAttribute("manual", true);
            return "payments/reconciliation";
        }
        try {
            Reconciliation.Report report = reconciliation.of(day);
            model.addAttribute("report", report);
            model.addAttribute(
                    "shown",
                    new Shown(
                            report.charged().format(locale),
                            report.refunded().format(locale),
                            report.paidOut().format(locale),
                            report.fees().format(locale)));
            model.addAttribute("cents", new Cents(locale));
        } catch (PaymentsFailure failure) {
            response.setStatus(failure.getStatusCode().value());
            model.addAttribute("problem", failure.code());
        }
        return "payments/reconciliation";
    }

    /** Formats Stripe's cents for the template. */
    record Cents(Locale locale) {
        public String format(long cents) {
            return Money.ofCents(Math.abs(cents)).format(locale);
        }
    }
}
