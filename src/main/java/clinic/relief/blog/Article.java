package clinic.relief.blog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An article in one language, as stored.
 *
 * @param translationOf the original this article translates, or null for an original
 * @param regions pain finder region ids the article is about, opened preselected from the article
 */
record Article(
        UUID id,
        String slug,
        String language,
        UUID translationOf,
        String title,
        String summary,
        String markdown,
        String coverImage,
        String coverAlt,
        UUID authorId,
        ArticleStatus status,
        Instant publishAt,
        Instant updatedAt,
        List<String> regions,
        List<String> tags) {

    Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(status, "status");
        regions = List.copyOf(regions);
        tags = List.copyOf(tags);
    }

    boolean isPublicAt(Instant now) {
        return status != ArticleStatus.DRAFT && publishAt != null && !publishAt.isAfter(now);
    }

    int readingMinutes() {
        return Markdown.readingMinutes(markdown);
    }

    /** The pain finder with this article's regions preselected. */
    String painFinderLink() {
        return regions.isEmpty() ? "/pain-finder" : "/pain-finder?regions=" + String.join(",", regions);
    }
}
