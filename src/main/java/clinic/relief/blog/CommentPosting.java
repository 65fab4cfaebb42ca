package clinic.relief.blog;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accepts a reader's comment: checks the reply target, screens it, and stores it with its verdict and reasons. */
@Service
class CommentPosting {

    private final CommentStore comments;
    private final CommentScreen screen;
    private final Clock clock;

    CommentPosting(CommentStore comments, CommentScreen screen, Clock clock) {
        this.comments = comments;
        this.screen = screen;
        this.clock = clock;
    }

    /**
     * Stores the comment, whatever the verdict (spam goes to the spam folder, never away).
     *
     * @throws ReplyNotAllowed when {@code parentId} names a comment that cannot be replied to
     */
    @Transactional
    Screening post(Article article, CommentForm form, CommentScreen.Context context) {
        UUID parent = replyTarget(article, form.parentId());
        Screening screening = screen.screen(form, context);
        Instant now = clock.instant();
        comments.insert(new Comment(
                UUID.randomUUID(),
                article.id(),
                parent,
                form.name(),
                form.email(),
                form.website().isBlank() ? null : form.website(),
                form.body(),
                screening.verdict().status(),
                false,
                context.ip(),
                truncate(context.userAgent(), 300),
                screening.verdict().name(),
                truncate(screening.reasonText(), 600),
                screening.spamScore(),
                now,
                now));
        return screening;
    }

    private UUID replyTarget(Article article, String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(parentId.strip());
        } catch (IllegalArgumentException ex) {
            throw new ReplyNotAllowed(parentId);
        }
        Comment parent = comments.find(id).orElseThrow(() -> new ReplyNotAllowed(parentId));
        if (!parent.articleId().equals(article.id())
                || parent.status() != CommentStatus.APPROVED
                || parent.parentId() != null) {
            throw new ReplyNotAllowed(parentId);
        }
        return id;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
