package clinic.relief.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; the staff home that follows it is the workspace's Today. */
@Controller
class StaffPages {

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }
}
