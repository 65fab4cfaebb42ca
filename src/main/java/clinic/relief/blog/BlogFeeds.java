package clinic.relief.blog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The Atom feed of the articles in the reader's language, and the sitemap of the public site with every article. */
@Controller
class BlogFeeds {

    private static final List<String> SITE_PAGES = List.of(
            "/",
            "/pain-finder",
            "/services",
            "/therapists",
            "/insurance",
            "/service-area",
            "/contact",
            "/blog",
            "/blog/privacy");

    private final ArticleStore articles;
    private final BlogSettings settings;
    private final ClinicProfile clinic;

    BlogFeeds(ArticleStore articles, BlogSettings settings, ClinicProfile clinic) {
        this.articles = articles;
        this.settings = settings;
        this.clinic = clinic;
    }

    @GetMapping("/blog/feed.atom")
    @ResponseBody
    ResponseEntity<String> atom(Locale locale) {
        String base = settings.base();
        List<Article> items = articles.allPublic().stream()
                .filter(a -> a.language().equals(locale.getLanguage()))
                .limit(30)
                .toList();
        Instant updated =
                items.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(locale.getLanguage())
                .append("\">\n<title>")
                .append(xml(clinic.name()))
                .append("</title>\n")
                .append("<id>")
                .append(base)
                .append("/blog/feed.atom?lang=")
                .append(locale.getLanguage())
                .append("</id>\n<link rel=\"self\" href=\"")
                .append(base)
                .append("/blog/feed.atom?lang=")
                .append(locale.getLanguage())
                .append("\"/>\n<link href=\"")
                .append(base)
                .append("/blog\"/>\n")
                .append("<updated>")
                .append(updated)
                .append("</updated>\n")
                .append("<author><name>")
                .append(xml(clinic.name()))
                .append("</name></author>\n");
        for (Article article : items) {
            String url = base + "/blog/" + article.slug();
            xml.append("<entry>\n<title>")
                    .append(xml(article.title()))
                    .append("</title>\n")
                    .append("<id>")
                    .append(url)
                    .append("</id>\n<link href=\"")
                    .append(url)
                    .append("\"/>\n")
                    .append("<published>")
                    .append(article.publishAt())
                    .append("</published>\n")
                    .append("<updated>")
                    .append(article.updatedAt())
                    .append("</updated>\n");
            article.tags()
                    .forEach(tag ->
                            xml.append("<category term=\"").append(xml(tag)).append("\"/>\n"));
            xml.append("<summary>").append(xml(article.summary())).append("</summary>\n</entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    @GetMapping("/sitemap.xml")
    @ResponseBody
    ResponseEntity<String> sitemap() {
        String base = settings.base();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        SITE_PAGES.forEach(
                page -> xml.append("<url><loc>").append(base).append(page).append("</loc></url>\n"));
        for (Article article : articles.allPublic()) {
            xml.append("<url><loc>")
                    .append(base)
                    .append("/blog/")
                    .append(xml(article.slug()))
                    .append("</loc><lastmod>")
                    .append(article.updatedAt().toString(), 0, 10)
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    static String xml(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&apos;");
    }
}
