package clinic.relief.blog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the starter articles from {@code classpath:blog/articles/*.md} once: an article whose slug is already stored
 * is left alone, so staff edits are never overwritten. Each file opens with a front matter block of
 * {@code key: value} lines between {@code ---} lines; originals are loaded before their translations.
 */
@Component
class ArticleSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArticleSeed.class);

    private final ArticleStore articles;

    ArticleSeed(ArticleStore articles) {
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:blog/articles/*.md");
        List<Map<String, String>> parsed = Arrays.stream(files)
                .map(ArticleSeed::read)
                .sorted(Comparator.comparing(f -> f.containsKey("translation-of") ? 1 : 0))
                .toList();
        int added = 0;
        for (Map<String, String> file : parsed) {
            if (articles.bySlug(file.get("slug")).isEmpty()) {
                articles.save(toArticle(file));
                added++;
            }
        }
        if (added > 0) {
            log.info("Loaded {} starter blog articles", added);
        }
    }

    private Article toArticle(Map<String, String> file) {
        UUID original = file.containsKey("translation-of")
                ? articles.bySlug(file.get("translation-of")).orElseThrow().id()
                : null;
        Instant published = Instant.parse(file.get("published"));
        return new Article(
                UUID.nameUUIDFromBytes(("blog:" + file.get("slug")).getBytes(StandardCharsets.UTF_8)),
                file.get("slug"),
                file.get("language"),
                original,
                file.get("title"),
                file.get("summary"),
                file.get("body"),
                file.get("cover"),
                file.get("cover-alt"),
                null,
                ArticleStatus.PUBLISHED,
                published,
                published,
                list(file.get("regions")),
                list(file.get("tags")));
    }

    static Map<String, String> read(Resource resource) {
        try {
            return parse(resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot read starter article " + resource, ex);
        }
    }

    static Map<String, String> parse(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalArgumentException("A starter article must open with front matter");
        }
        int end = normalized.indexOf("\n---\n", 4);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            fields.put(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        fields.put("body", normalized.substring(end + 5).strip());
        return fields;
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
