package clinic.relief.blog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Comments are stored as the plain text the reader typed and only turned into HTML when shown: everything is
 * escaped, web addresses become links marked {@code rel="nofollow ugc"}, blank lines become paragraphs. A final jsoup
 * pass with a tiny safelist guarantees that no markup a reader typed can ever reach a page. Stateless.
 */
final class CommentText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_LINK = Pattern.compile("https?://|www\\.|<a\\s|\\[url", Pattern.CASE_INSENSITIVE);
    private static final Safelist SAFE = new Safelist()
            .addTags("p", "br", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow ugc");

    private CommentText() {}

    static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : normalize(text).split("\n\\s*\n")) {
            html.append("<p>")
                    .append(linkify(paragraph.strip()).replace("\n", "<br>"))
                    .append("</p>");
        }
        return Jsoup.clean(html.toString(), "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** How many links the text carries, counting bare addresses and attempts at markup links. */
    static int links(String text) {
        Matcher matcher = ANY_LINK.matcher(text == null ? "" : text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Line endings made uniform and control characters other than line breaks and tabs removed. */
    static String normalize(String text) {
        return (text == null ? "" : text)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\n\t]]", "")
                .strip();
    }

    private static String linkify(String paragraph) {
        Matcher matcher = URL.matcher(paragraph);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(Entities.escape(paragraph.substring(last, matcher.start())));
            String url = matcher.group();
            out.append("<a href=\"")
                    .append(Entities.escape(url))
                    .append("\">")
                    .append(Entities.escape(url))
                    .append("</a>");
            last = matcher.end();
        }
        return out.append(Entities.escape(paragraph.substring(last))).toString();
    }
}
