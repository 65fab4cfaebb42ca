package clinic.relief.blog;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import clinic.relief.staff.StaffRole;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff write and edit articles in Markdown. Therapists and the owner write; the front desk may only look. An article
 * is changed (or unpublished) only by its author or the owner.
 */
@Controller
class ArticleEditor {

    private final ArticleStore articles;
    private final Staff staff;
    private final ClinicProfile clinic;
    private final Clock clock;

    ArticleEditor(ArticleStore articles, Staff staff, ClinicProfile clinic, Clock clock) {
        this.articles = articles;
        this.staff = staff;
        this.clinic = clinic;
        this.clock = clock;
    }

    @GetMapping("/staff/blog/articles")
    String list(Model model) {
        model.addAttribute("articles", articles.all());
        return "blog/articles";
    }

    @GetMapping("/staff/blog/articles/new")
    String create(CsrfToken csrf, Model model) {
        csrf.getToken();
        model.addAttribute("form", ArticleForm.blank());
        return "blog/editor";
    }

    @GetMapping("/staff/blog/articles/{id}")
    String edit(@PathVariable UUID id, CsrfToken csrf, Model model) {
        csrf.getToken();
        Article a = articles.byId(id).orElseThrow(() -> new UnknownArticle(id));
        String original = a.translationOf() == null
                ? ""
                : articles.byId(a.translationOf()).map(Article::slug).orElse("");
        model.addAttribute(
                "form",
                new ArticleForm(
                        a.id().toString(),
                        a.slug(),
                        a.language(),
                        original,
                        a.title(),
                        a.summary(),
                        a.markdown(),
                        a.coverImage(),
                        a.coverAlt(),
                        String.join(", ", a.tags()),
                        String.join(", ", a.regions()),
                        a.status(),
                        a.publishAt() == null
                                ? null
                                : a.publishAt().atZone(clinic.zone()).toLocalDateTime()));
        return "blog/editor";
    }

    @PostMapping("/staff/blog/articles")
    String save(
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            Principal principal,
            CsrfToken csrf) {
        csrf.getToken();
        StaffMember me = staff.findByEmail(principal.getName()).orElseThrow(() -> new AccessDeniedException("staff"));
        if (me.role() == StaffRole.FRONT_DESK) {
            throw new AccessDeniedException("Only therapists and the owner write articles");
        }
        if (errors.getTarget() == null) {
            // A value no field of the page can send (a date that is no date, an unknown status): nothing to redisplay.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unreadable article form");
        }
        UUID id = form.id() == null || form.id().isBlank() ? UUID.randomUUID() : articleId(form.id());
        Optional<Article> existing = articles.byId(id);
        if (existing.isPresent() && !mayChange(me, existing.get())) {
            throw new AccessDeniedException("Only an article's author or the owner changes or unpublishes it");
        }
        articles.bySlug(form.slug())
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> errors.rejectValue("slug", "blog.editor.slugTaken"));
        UUID original = null;
        if (form.translationOf() != null && !form.translationOf().isBlank()) {
            original = articles.bySlug(form.translationOf().strip())
                    .map(Article::id)
                    .orElse(null);
            if (original == null) {
                errors.rejectValue("translationOf", "blog.editor.noOriginal");
            }
        }
        if (form.status() == ArticleStatus.SCHEDULED && form.publishAt() == null) {
            errors.rejectValue("publishAt", "blog.editor.scheduleNeedsTime");
        }
        if (form.coverImage() != null
                && !form.coverImage().isBlank()
                && (form.coverAlt() == null || form.coverAlt().isBlank())) {
            errors.rejectValue("coverAlt", "blog.editor.altNeeded");
        }
        if (errors.hasErrors()) {
            return "blog/editor";
        }
        Instant now = clock.instant();
        Instant publishAt = form.publishAt() != null
                ? form.publishAt().atZone(clinic.zone()).toInstant()
                : form.status() == ArticleStatus.PUBLISHED ? now : null;
        UUID author = existing.map(Article::authorId).orElse(me.id());
        articles.save(new Article(
                id,
                form.slug(),
                form.language(),
                original,
                form.title().strip(),
                form.summary().strip(),
                form.markdown(),
                blankToNull(form.coverImage()),
                blankToNull(form.coverAlt()),
                author,
                form.status(),
                publishAt,
                now,
                list(form.regions()),
                list(form.tags())));
        return "redirect:/staff/blog/articles?saved";
    }

    /** The owner changes any article; a therapist only their own (a rewrite or unpublishing in their name). */
    private static boolean mayChange(StaffMember me, Article article) {
        return me.role() == StaffRole.OWNER || Objects.equals(article.authorId(), me.id());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return errorPage("error/4xx", HttpStatus.FORBIDDEN);
    }

    private static ModelAndView errorPage(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("status", status.value());
        return page;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> list(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    /** The hidden id field of the form; anything but an id there was not sent by the page (400). */
    private static UUID articleId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an article id", notAnId);
        }
    }
}
