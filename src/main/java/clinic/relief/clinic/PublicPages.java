package clinic.relief.clinic;

import java.util.List;
import java.util.Locale;

import clinic.relief.staff.Staff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public site: the pages a person in pain reads before they call or book. */
@Controller
class PublicPages {

    private final ClinicProfile clinic;
    private final ServiceCatalogue catalogue;
    private final ServiceArea serviceArea;
    private final Staff staff;
    private final ObjectProvider<PlanListing> plans;
    private final SiteView site;
    private final MessageSource messages;

    PublicPages(
            ClinicProfile clinic,
            ServiceCatalogue catalogue,
            ServiceArea serviceArea,
            Staff staff,
            ObjectProvider<PlanListing> plans,
            SiteView site,
            MessageSource messages) {
        this.clinic = clinic;
        this.catalogue = catalogue;
        this.serviceArea = serviceArea;
        this.staff = staff;
        this.plans = plans;
        this.site = site;
        this.messages = messages;
    }

    /** A member plan as the insurance page shows it: name, monthly fee and what each month includes, all as text. */
    record PlanRow(String name, String fee, List<String> includes) {}

    @GetMapping("/")
    String home() {
        return "clinic/home";
    }

    @GetMapping("/services")
    String services(Model model) {
        model.addAttribute("services", catalogue.offered());
        return "clinic/services";
    }

    @GetMapping("/therapists")
    String therapists(Model model) {
        model.addAttribute("therapists", staff.listedTherapists());
        return "clinic/therapists";
    }

    @GetMapping("/insurance")
    String insurance(Locale locale, Model model) {
        PlanListing listing = plans.getIfAvailable();
        List<PlanRow> rows = listing == null
                ? List.of()
                : listing.listed(locale).stream().map(p -> row(p, locale)).toList();
        model.addAttribute("plans", rows);
        return "clinic/insurance";
    }

    private PlanRow row(PlanListing.ListedPlan plan, Locale locale) {
        String fee = messages.getMessage(
                "insurance.plans.fee",
                new Object[] {site.money(plan.monthlyFee().amount(), locale)},
                locale);
        List<String> includes = plan.included().stream()
                .map(i -> messages.getMessage(
                        "insurance.plans.includes",
                        new Object[] {i.count(), i.minutes(), serviceName(i.serviceId(), locale)},
                        locale))
                .toList();
        return new PlanRow(plan.name(), fee, includes);
    }

    private String serviceName(String id, Locale locale) {
        return catalogue.find(id).map(s -> s.name(locale)).orElse(id);
    }

    @GetMapping("/service-area")
    String serviceArea(@RequestParam(name = "q", required = false) String query, Model model) {
        if (query != null) {
            model.addAttribute("answer", serviceArea.check(query));
        }
        model.addAttribute("query", query);
        model.addAttribute("cities", clinic.serviceArea());
        return "clinic/service-area";
    }

    @GetMapping("/contact")
    String contact() {
        return "clinic/contact";
    }
}
