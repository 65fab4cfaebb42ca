package clinic.relief.blog;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into HTML that is safe to put on a page: raw HTML in the Markdown is escaped, and the
 * result is cleaned once more by jsoup so that no script, style or event handler can survive. Thread-safe.
 */
@Component
class Markdown {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "http", "https", "mailto", "tel", "#");

    private final Parser parser =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    String toHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
    }

    /** Minutes a person needs to read it, at about 200 words a minute, never less than one. */
    static int readingMinutes(String markdown) {
        long words = markdown == null ? 0 : markdown.split("\\s+").length;
        return (int) Math.max(1, Math.round(words / 200.0));
    }
}
