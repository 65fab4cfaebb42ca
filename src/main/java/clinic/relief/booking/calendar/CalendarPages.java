package clinic.relief.booking.calendar;

import clinic.relief.booking.AppointmentBook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A therapist's private calendar feed: the secret address, and (signed in) issuing a new one. */
@Controller
class CalendarPages {

    private final CalendarFeeds feeds;
    private final AppointmentBook book;

    CalendarPages(CalendarFeeds feeds, AppointmentBook book) {
        this.feeds = feeds;
        this.book = book;
    }

    @GetMapping("/calendar/{token}.ics")
    @ResponseBody
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                        .body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Issues a new feed address for the signed-in therapist (the old one stops working). */
    @PostMapping("/staff/calendar-feed")
    String renew(Authentication auth, RedirectAttributes redirect) {
        // Shown once, on the page this redirects to: only the token's hash is stored.
        book.therapistSignedInAs(auth.getName())
                .ifPresent(therapist -> redirect.addFlashAttribute("feedToken", feeds.renew(therapist.id())));
        return "redirect:/staff/booking";
    }
}
