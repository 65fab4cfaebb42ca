package clinic.relief.billing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's billing pages: find a patient, see their balance, invoices and membership, price a visit before
 * booking it, enrol them in a plan. Front desk and owner only (see the security configuration).
 */
@Controller
class BillingPages {

    private final Patients patients;
    private final Invoices invoices;
    private final Memberships memberships;
    private final Plans plans;
    private final Quotes quotes;
    private final BillingViews views;
    private final ClinicMonths months;
    private final MembershipSale sale;

    BillingPages(
            Patients patients,
            Invoices invoices,
            Memberships memberships,
            Plans plans,
            Quotes quotes,
            BillingViews views,
            ClinicMonths months,
            MembershipSale sale) {
        this.patients = patients;
        this.invoices = invoices;
        this.memberships = memberships;
        this.plans = plans;
        this.quotes = quotes;
        this.views = views;
        this.months = months;
        this.sale = sale;
    }

    /**
     * A membership as the patient page shows it: {@code nextPlan} is a plan change waiting for the next charge,
     * {@code household} the people it is shared with, {@code sharing} whether its plan allows that.
     */
    public record MembershipView(
            UUID id,
            String planId,
            String plan,
            String status,
            String since,
            String endsOn,
            List<String> credits,
            boolean live,
            boolean frozen,
            String nextPlan,
            boolean sharing,
            List<HouseholdMember> household) {}

    /** Someone a membership is shared with. */
    public record HouseholdMember(UUID patientId, String name) {}

    @GetMapping("/staff/billing")
    String search(@RequestParam(required = false) String q, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("q", q);
        model.addAttribute("found", q == null ? List.of() : patients.search(q));
        return "billing/index";
    }

    @GetMapping("/staff/billing/patients/{id}")
    String patient(
            @PathVariable UUID id,
            @RequestParam(required = false) String choice,
            @RequestParam(required = false) String giftCard,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        csrf.getToken();
        Patient patient = patients.get(id);
        model.addAttribute("patient", patient);
        model.addAttribute("balance", invoices.balanceOf(id).format(locale));
        model.addAttribute(
                "invoices",
                invoices.ofPatient(id).stream()
                        .map(i -> views.invoice(i, locale))
                        .toList());
        model.addAttribute("notYetDue", invoices.notYetDue(id));
        model.addAttribute(
                "memberships",
                memberships.ofPatient(id).stream().map(m -> view(m, locale)).toList());
        model.addAttribute(
                "canEnrol",
                memberships.usableBy(id).filter(m -> m.patientId().equals(id)).isEmpty());
        model.addAttribute(
                "sharedFrom",
                memberships
                        .usableBy(id)
                        .filter(m -> !m.patientId().equals(id))
                        .map(m -> views.text(
                                "billing.sharedFrom",
                                locale,
                                patients.get(m.patientId()).fullName(),
                                plans.get(m.planId()).name(locale)))
                        .orElse(null));
        model.addAttribute(
                "plans",
                plans.offered().stream()
                        .map(p -> new BillingViews.Choice(
                                p.id(),
                                views.text(
                                        "billing.planChoice",
                                        locale,
                                        p.name(locale),
                                        p.monthlyFee().format(locale))))
                        .toList());
        model.addAttribute("choices", views.choices(locale));
        model.addAttribute("choice", choice);
        if (choice != null && choice.matches("[a-z0-9-]{1,60}:[0-9]{1,3}")) {
            quote(id, choice, giftCard, locale, model);
        }
        return "billing/patient";
    }

    private void quote(UUID patientId, String choice, String giftCard, Locale locale, Model model) {
        String[] parts = choice.split(":");
        boolean withCard = giftCard != null && !giftCard.isBlank();
        model.addAttribute("giftCard", giftCard);
        try {
            Quote quote = withCard
                    ? quotes.preview(patientId, parts[0], Integer.parseInt(parts[1]), months.today(), giftCard)
                    : quotes.preview(patientId, parts[0], Integer.parseInt(parts[1]), months.today());
            model.addAttribute("quoteLines", views.lines(quote.lines(), locale));
            model.addAttribute("quoteTotal", quote.total().format(locale));
        } catch (BillingFailure failure) {
            model.addAttribute("problemCode", "billing.problem." + failure.code());
        }
    }

    @PostMapping("/staff/billing/patients/{id}/membership")
    String enrol(@PathVariable UUID id, @RequestParam String plan, RedirectAttributes flash) {
        patients.get(id);
        try {
            flash.addFlashAttribute("doneCode", sale.sell(id, plan));
        } catch (BillingFailure failure) {
            flash.addFlashAttribute("problemCode", "billing.problem." + failure.code());
        }
        return "redirect:/staff/billing/patients/" + id;
    }

    @PostMapping("/staff/billing/memberships/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes flash) {
        return act(
                () -> memberships.cancel(id),
                "billing.cancelled",
                memberships.get(id).patientId(),
                flash);
    }

    @PostMapping("/staff/billing/memberships/{id}/freeze")
    String freeze(@PathVariable UUID id, RedirectAttributes flash) {
        return act(
                () -> memberships.freeze(id, months.current().plusMonths(1)),
                "billing.frozen",
                memberships.get(id).patientId(),
                flash);
    }

    /** Ends a freeze now: the membership bills its monthly fee and grants its credits again from the next charge. */
    @PostMapping("/staff/billing/memberships/{id}/unfreeze")
    String unfreeze(@PathVariable UUID id, RedirectAttributes flash) {
        return act(
                () -> memberships.unfreeze(id),
                "billing.unfrozen",
                memberships.get(id).patientId(),
                flash);
    }

    /** Runs a desk action and returns to the patient's billing page with its outcome (or refusal) flashed. */
    static String act(Runnable action, String done, UUID patientId, RedirectAttributes flash) {
        try {
            action.run();
            flash.addFlashAttribute("doneCode", done);
        } catch (BillingFailure failure) {
            flash.addFlashAttribute("problemCode", "billing.problem." + failure.code());
        }
        return "redirect:/staff/billing/patients/" + patientId;
    }

    private MembershipView view(Membership m, Locale locale) {
        Plan plan = plans.get(m.planId());
        List<String> credits = memberships.credits(m.id()).stream()
                .map(c -> views.text(
                        "billing.credits",
                        locale,
                        c.count(),
                        views.serviceName(c.serviceId(), locale),
                        String.valueOf(c.minutes())))
                .toList();
        List<HouseholdMember> household = memberships.household(m.id()).stream()
                .map(p -> new HouseholdMember(
                        p, patients.find(p).map(Patient::fullName).orElse(p.toString())))
                .toList();
        return new MembershipView(
                m.id(),
                m.planId(),
                plan.name(locale),
                views.text("billing.status." + (memberships.paused(m.id()) ? "PAUSED" : m.status()), locale),
                format(m.startedOn(), locale),
                Optional.ofNullable(m.endsOn()).map(d -> format(d, locale)).orElse(null),
                credits,
                !m.isCancelled(),
                m.isFrozen(),
                Optional.ofNullable(m.nextPlanId())
                        .map(id -> plans.get(id).name(locale))
                        .orElse(null),
                plan.householdSharing(),
                household);
    }

    private static String format(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }
}
