package clinic.relief.blog;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.SiteView;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The public blog: the article list (by language, with paging and tags), each article, and its comments. */
@Controller
class BlogPages {

    private final ArticleStore articles;
    private final CommentStore comments;
    private final CommentPosting posting;
    private final Markdown markdown;
    private final TimeTrap timeTrap;
    private final BlogSettings settings;
    private final ClinicProfile clinic;
    private final Staff staff;
    private final JsonMapper json;

    BlogPages(
            ArticleStore articles,
            CommentStore comments,
            CommentPosting posting,
            Markdown markdown,
            TimeTrap timeTrap,
            BlogSettings settings,
            ClinicProfile clinic,
            Staff staff,
            JsonMapper json) {
        this.articles = articles;
        this.comments = comments;
        this.posting = posting;
        this.markdown = markdown;
        this.timeTrap = timeTrap;
        this.settings = settings;
        this.clinic = clinic;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping("/blog")
    String list(@RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
        return listPage(null, page, locale, model);
    }

    @GetMapping("/blog/tag/{tag}")
    String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
        return listPage(tag, page, locale, model);
    }

    @GetMapping("/blog/{slug}")
    String article(
            @PathVariable String slug,
            @RequestParam(required = false) UUID replyTo,
            CsrfToken csrf,
            Locale locale,
            Model model) {
        csrf.getToken(); // the token must be in the session before the long page starts streaming out
        Article article = articles.publicBySlug(slug).orElseThrow(() -> new UnknownArticle(slug));
        CommentForm form = CommentForm.empty(timeTrap.issue(slug));
        if (replyTo != null) {
            form = new CommentForm("", "", "", "", replyTo.toString(), form.trap(), "");
        }
        prepare(article, form, locale, model);
        return "blog/article";
    }

    @PostMapping("/blog/{slug}/comments")
    String comment(
            @PathVariable String slug,
            @Valid @ModelAttribute("comment") CommentForm form,
            BindingResult errors,
            HttpServletRequest request,
            CsrfToken csrf,
            Locale locale,
            Model model) {
        csrf.getToken();
        Article article = articles.publicBySlug(slug).orElseThrow(() -> new UnknownArticle(slug));
        if (!errors.hasErrors()) {
            try {
                Screening screening = posting.post(article, form, context(article, form, request));
                String outcome = screening.verdict() == Screening.Verdict.APPROVE ? "shown" : "held";
                return "redirect:/blog/" + slug + "?comment=" + outcome + "#comment-status";
            } catch (ReplyNotAllowed ex) {
                errors.reject("blog.comment.error.reply");
            }
        }
        prepare(article, form, locale, model);
        return "blog/article";
    }

    /**
     * The article's alternate-language links, absolute: itself, each translation, and as {@code x-default} the
     * original the translations were made from.
     */
    private List<SiteView.Alternate> alternates(Article article, List<Article> translations) {
        List<SiteView.Alternate> alternates = new ArrayList<>();
        alternates.add(new SiteView.Alternate(article.language(), settings.base() + "/blog/" + article.slug()));
        translations.forEach(
                t -> alternates.add(new SiteView.Alternate(t.language(), settings.base() + "/blog/" + t.slug())));
        String original = article.translationOf() == null
                ? article.slug()
                : translations.stream()
                        .filter(t -> t.translationOf() == null)
                        .findFirst()
                        .map(Article::slug)
                        .orElse(article.slug());
        alternates.add(new SiteView.Alternate("x-default", settings.base() + "/blog/" + original));
        return alternates;
    }

    private String listPage(String tag, int page, Locale locale, Model model) {
        int size = settings.pageSize();
        int total = articles.publicCount(locale.getLanguage(), tag);
        int pages = Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        List<ArticleView> views = articles.publicPage(locale.getLanguage(), tag, current - 1, size).stream()
                .map(a -> view(a, "", List.of(), locale))
                .toList();
        model.addAttribute("articles", views);
        model.addAttribute("tag", tag);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "blog/list";
    }

    private void prepare(Article article, CommentForm form, Locale locale, Model model) {
        List<Article> translations = articles.translations(article);
        ArticleView view = view(article, markdown.toHtml(article.markdown()), translations, locale);
        String url = settings.base() + "/blog/" + article.slug();
        model.addAttribute("article", view);
        model.addAttribute("url", url);
        model.addAttribute("alternates", alternates(article, translations));
        model.addAttribute("ogImage", article.coverImage() == null ? null : settings.base() + article.coverImage());
        model.addAttribute("jsonLd", ArticleJsonLd.of(view, url, settings.base(), clinic, json));
        model.addAttribute(
                "comments",
                thread(
                        comments.approvedFor(article.id()),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale)
                                .withZone(clinic.zone())));
        model.addAttribute("comment", form);
        model.addAttribute("maxLength", settings.maxCommentLength());
    }

    private ArticleView view(Article article, String html, List<Article> translations, Locale locale) {
        return ArticleView.of(article, html, author(article.authorId()), translations, clinic.zone(), locale);
    }

    private String author(UUID authorId) {
        return authorId == null
                ? clinic.name()
                : staff.listedTherapists().stream()
                        .filter(m -> m.id().equals(authorId))
                        .map(StaffMember::displayName)
                        .findFirst()
                        .orElse(clinic.name());
    }

    static List<PublicComment> thread(List<Comment> approved, DateTimeFormatter dates) {
        Map<UUID, List<Comment>> replies =
                approved.stream().filter(c -> c.parentId() != null).collect(Collectors.groupingBy(Comment::parentId));
        List<PublicComment> threads = new ArrayList<>();
        for (Comment top : approved) {
            if (top.parentId() == null) {
                threads.add(PublicComment.of(
                        top,
                        dates,
                        replies.getOrDefault(top.id(), List.of()).stream()
                                .map(r -> PublicComment.of(r, dates, List.of()))
                                .toList()));
            }
        }
        return threads;
    }

    private CommentScreen.Context context(Article article, CommentForm form, HttpServletRequest request) {
        return new CommentScreen.Context(
                article.slug(),
                article.id(),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"),
                request.getHeader("Referer"),
                settings.base() + "/blog/" + article.slug(),
                article.language(),
                form.parentId() != null && !form.parentId().isBlank());
    }
}
