package clinic.relief.blog;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff moderation: the pending, spam and trash queues, single and bulk decisions, edits, clinic replies. */
@Controller
class ModerationPages {

    private final Moderation moderation;
    private final ArticleStore articles;
    private final RemovalRequestStore removals;
    private final Staff staff;
    private final ClinicProfile clinic;

    ModerationPages(
            Moderation moderation,
            ArticleStore articles,
            RemovalRequestStore removals,
            Staff staff,
            ClinicProfile clinic) {
        this.moderation = moderation;
        this.articles = articles;
        this.removals = removals;
        this.staff = staff;
        this.clinic = clinic;
    }

    @GetMapping("/staff/blog/comments")
    String queue(@RequestParam(defaultValue = "PENDING") CommentStatus queue, CsrfToken csrf, Model model) {
        csrf.getToken(); // the token must be in the session before the long page starts streaming out
        List<Comment> comments = moderation.queue(queue);
        Map<UUID, Article> byId = comments.stream()
                .map(Comment::articleId)
                .distinct()
                .map(articles::byId)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(Article::id, Function.identity()));
        model.addAttribute("queue", queue);
        model.addAttribute("queues", CommentStatus.values());
        model.addAttribute("comments", comments);
        model.addAttribute("articles", byId);
        model.addAttribute("removals", removals.open());
        return "blog/moderation";
    }

    @PostMapping("/staff/blog/comments/decide")
    String decide(
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam Moderation.Action action,
            @RequestParam CommentStatus queue,
            Principal principal) {
        if (ids != null && !ids.isEmpty()) {
            moderation.decide(ids, action, me(principal));
        }
        return "redirect:/staff/blog/comments?queue=" + queue + "&done";
    }

    @PostMapping("/staff/blog/comments/{id}/edit")
    String edit(
            @PathVariable UUID id,
            @RequestParam String name,
            @RequestParam(required = false) String url,
            @RequestParam String body,
            @RequestParam CommentStatus queue,
            Principal principal) {
        if (!name.isBlank() && !body.isBlank()) {
            moderation.edit(id, name, url, body, me(principal));
        }
        return "redirect:/staff/blog/comments?queue=" + queue + "&done";
    }

    @PostMapping("/staff/blog/comments/{id}/reply")
    String reply(
            @PathVariable UUID id, @RequestParam String body, @RequestParam CommentStatus queue, Principal principal) {
        if (!body.isBlank()) {
            moderation.reply(id, body, clinic.shortName(), me(principal));
        }
        return "redirect:/staff/blog/comments?queue=" + queue + "&done";
    }

    @PostMapping("/staff/blog/removals/{id}")
    String removeAll(@PathVariable UUID id, Principal principal) {
        UUID me = me(principal);
        removals.close(id, me).ifPresent(email -> moderation.removeAllFrom(email, me));
        return "redirect:/staff/blog/comments?queue=TRASH&done";
    }

    @ExceptionHandler(UnknownComment.class)
    ResponseEntity<ProblemDetail> unknown(UnknownComment ex) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle("Unknown comment");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private UUID me(Principal principal) {
        return staff.findByEmail(principal.getName()).map(StaffMember::id).orElse(null);
    }
}
