package clinic.relief.staff;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page and the staff home that follows it. */
@Controller
class StaffPages {

    private final Staff staff;

    StaffPages(Staff staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }

    @GetMapping("/staff")
    String home(Principal principal, Model model) {
        model.addAttribute("me", staff.findByEmail(principal.getName()).orElseThrow());
        return "staff/home";
    }
}
