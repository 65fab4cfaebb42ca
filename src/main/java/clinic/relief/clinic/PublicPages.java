package clinic.relief.clinic;

import clinic.relief.staff.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public site: the pages a person in pain reads before they call or book. */
@Controller
class PublicPages {

    private final ClinicProfile clinic;
    private final ServiceArea serviceArea;
    private final Staff staff;

    PublicPages(ClinicProfile clinic, ServiceArea serviceArea, Staff staff) {
        this.clinic = clinic;
        this.serviceArea = serviceArea;
        this.staff = staff;
    }

    @GetMapping("/")
    String home() {
        return "clinic/home";
    }

    @GetMapping("/services")
    String services(Model model) {
        model.addAttribute("services", clinic.services());
        return "clinic/services";
    }

    @GetMapping("/therapists")
    String therapists(Model model) {
        model.addAttribute("therapists", staff.listedTherapists());
        return "clinic/therapists";
    }

    @GetMapping("/insurance")
    String insurance() {
        return "clinic/insurance";
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
