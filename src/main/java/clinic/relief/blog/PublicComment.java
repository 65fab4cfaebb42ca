package clinic.relief.blog;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A comment as the public sees it: no email, no IP, no avatar derived from either. {@code website} is shown only as a
 * {@code rel="nofollow ugc"} link.
 */
record PublicComment(
        UUID id,
        String name,
        String website,
        String bodyHtml,
        boolean byClinic,
        Instant createdAt,
        String date,
        List<PublicComment> replies) {

    PublicComment {
        replies = List.copyOf(replies);
    }

    static PublicComment of(Comment comment, DateTimeFormatter dates, List<PublicComment> replies) {
        String website = comment.authorUrl() == null || comment.authorUrl().isBlank() ? null : comment.authorUrl();
        return new PublicComment(
                comment.id(),
                comment.authorName(),
                website,
                comment.bodyHtml(),
                comment.byClinic(),
                comment.createdAt(),
                dates.format(comment.createdAt()),
                replies);
    }
}
