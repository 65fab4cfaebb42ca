package clinic.relief.workspace.today;

import java.time.LocalDate;
import java.util.Locale;

import clinic.relief.booking.BookingViews;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Today at {@code /staff}, each role's own: the front desk's arrivals and open items; a therapist's clients with
 * what they came with; the owner's figures and the desk's lists. The front desk never gets clinical content.
 */
@Controller
class TodayPages {

    private final Staff staff;
    private final DeskToday desk;
    private final TherapistToday therapist;
    private final OwnerToday owner;
    private final BookingViews views;

    TodayPages(Staff staff, DeskToday desk, TherapistToday therapist, OwnerToday owner, BookingViews views) {
        this.staff = staff;
        this.desk = desk;
        this.therapist = therapist;
        this.owner = owner;
        this.views = views;
    }

    @GetMapping("/staff")
    String today(Authentication auth, Locale locale, Model model) {
        StaffMember me =
                staff.findByEmail(auth.getName()).orElseThrow(() -> new AccessDeniedException("not a staff member"));
        LocalDate date = views.today();
        model.addAttribute("me", me);
        model.addAttribute("date", date);
        model.addAttribute("dateText", views.date(date, locale));
        switch (me.role()) {
            case FRONT_DESK -> model.addAttribute("desk", desk.lists(date, locale));
            case THERAPIST -> model.addAttribute("clients", therapist.clients(me.id(), date, auth, locale));
            case OWNER -> {
                model.addAttribute("figures", owner.figures(date, locale));
                model.addAttribute("desk", desk.lists(date, locale));
            }
        }
        return "workspace/today";
    }
}
