package clinic.relief.blog;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment as stored, for the staff side only: it carries the commenter's email and IP address, so it is never put
 * into a public model; public pages get {@link PublicComment}.
 */
record Comment(
        UUID id,
        UUID articleId,
        UUID parentId,
        String authorName,
        String authorEmail,
        String authorUrl,
        String body,
        CommentStatus status,
        boolean byClinic,
        String ip,
        String userAgent,
        String filterVerdict,
        String filterReasons,
        Double spamScore,
        Instant createdAt,
        Instant statusAt) {

    public String bodyHtml() {
        return CommentText.toHtml(body);
    }
}
