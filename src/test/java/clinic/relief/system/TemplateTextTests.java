package clinic.relief.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails on text a person would read that is written into a template instead of coming from the message bundles:
 * text between tags, and the attributes people read (alt, title, placeholder, aria-label, content of a description).
 */
class TemplateTextTests {

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final List<String> READABLE_ATTRIBUTES =
            List.of("alt", "title", "placeholder", "aria-label", "label", "value");

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Resource template : MessageBundleTests.templates()) {
            Document document =
                    Jsoup.parse(template.getContentAsString(StandardCharsets.UTF_8), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                findings.addAll(hardCodedText(template.getFilename(), element));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void detectorCatchesTextAndAttributes() {
        Document document =
                Jsoup.parse("<p>Call us <b th:text=\"#{x}\">fine</b></p><img alt=\"Logo\">", "", Parser.xmlParser());
        List<String> findings = new ArrayList<>();
        document.getAllElements().forEach(element -> findings.addAll(hardCodedText("sample", element)));

        assertThat(findings).hasSize(2).anyMatch(f -> f.contains("Call us")).anyMatch(f -> f.contains("Logo"));
    }

    private static List<String> hardCodedText(String file, Element element) {
        List<String> findings = new ArrayList<>();
        if (isReplaced(element) || "script".equals(element.tagName()) || "style".equals(element.tagName())) {
            return findings;
        }
        for (TextNode text : element.textNodes()) {
            if (readable(text.text())) {
                findings.add(file + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
            }
        }
        for (String attribute : READABLE_ATTRIBUTES) {
            if (element.hasAttr(attribute)
                    && readable(element.attr(attribute))
                    && !("value".equals(attribute) && !"option".equals(element.tagName()))) {
                findings.add(file + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
            }
        }
        if ("meta".equals(element.tagName())
                && "description".equals(element.attr("name"))
                && readable(element.attr("content"))) {
            findings.add(file + ": meta description \"" + element.attr("content") + "\"");
        }
        return findings;
    }

    /** Its content is replaced at render time, by this element or an ancestor. */
    private static boolean isReplaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (REPLACING.stream().anyMatch(e::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readable(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
