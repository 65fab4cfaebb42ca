package clinic.relief.blog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff decisions on comments. Each one is logged with who, when, what and what the filters had said; spam and
 * not-spam decisions teach the local classifier and are reported to Akismet when it is configured.
 */
@Service
class Moderation {

    enum Action {
        APPROVE,
        SPAM,
        NOT_SPAM,
        TRASH,
        RESTORE,
        EDIT,
        REPLY
    }

    private final CommentStore comments;
    private final ArticleStore articles;
    private final SpamClassifier classifier;
    private final SpamCheck spamCheck;
    private final BlogSettings settings;
    private final Clock clock;

    Moderation(
            CommentStore comments,
            ArticleStore articles,
            SpamClassifier classifier,
            SpamCheck spamCheck,
            BlogSettings settings,
            Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.classifier = classifier;
        this.spamCheck = spamCheck;
        this.settings = settings;
        this.clock = clock;
    }

    List<Comment> queue(CommentStatus status) {
        return comments.inQueue(status, 200);
    }

    int pending() {
        return comments.count(CommentStatus.PENDING);
    }

    @Transactional
    void decide(Collection<UUID> ids, Action action, UUID staffId) {
        for (UUID id : ids) {
            comments.find(id).ifPresent(comment -> decide(comment, action, staffId));
        }
    }

    private void decide(Comment comment, Action action, UUID staffId) {
        Instant now = clock.instant();
        switch (action) {
            case APPROVE, NOT_SPAM, RESTORE -> comments.changeStatus(comment.id(), CommentStatus.APPROVED, now);
            case SPAM -> comments.changeStatus(comment.id(), CommentStatus.SPAM, now);
            case TRASH -> comments.changeStatus(comment.id(), CommentStatus.TRASH, now);
            default -> throw new IllegalArgumentException(action + " is not a bulk decision");
        }
        log(comment, action, staffId, now);
        if (comment.byClinic()) {
            return;
        }
        if (action == Action.SPAM) {
            classifier.learn(comment.body(), true);
            spamCheck.reportSpam(submission(comment));
        } else if (action == Action.NOT_SPAM || (action == Action.APPROVE && comment.status() == CommentStatus.SPAM)) {
            classifier.learn(comment.body(), false);
            spamCheck.reportHam(submission(comment));
        }
    }

    @Transactional
    void edit(UUID id, String name, String url, String body, UUID staffId) {
        Comment comment = comments.find(id).orElseThrow(() -> new UnknownComment(id));
        String website = url == null || !url.strip().matches("https?://[^\\s<>\"']+") ? null : url.strip();
        comments.edit(id, name.strip(), website, CommentText.normalize(body));
        log(comment, Action.EDIT, staffId, clock.instant());
    }

    /** A reply as the clinic, shown at once; a reply to a reply is attached to the thread's first comment. */
    @Transactional
    void reply(UUID parentId, String body, String clinicName, UUID staffId) {
        Comment parent = comments.find(parentId).orElseThrow(() -> new UnknownComment(parentId));
        Instant now = clock.instant();
        UUID top = parent.parentId() != null ? parent.parentId() : parent.id();
        Comment reply = new Comment(
                UUID.randomUUID(),
                parent.articleId(),
                top,
                clinicName,
                "",
                null,
                CommentText.normalize(body),
                CommentStatus.APPROVED,
                true,
                null,
                null,
                "STAFF",
                "staff reply",
                null,
                now,
                now);
        comments.insert(reply);
        log(reply, Action.REPLY, staffId, now);
    }

    /** Every comment from this email goes to the trash (a reader's removal request). */
    @Transactional
    int removeAllFrom(String email, UUID staffId) {
        return comments.trashAllFrom(email.strip().toLowerCase(Locale.ROOT), clock.instant());
    }

    private void log(Comment comment, Action action, UUID staffId, Instant at) {
        comments.log(
                comment.id(), staffId, action.name(), comment.filterVerdict() + ": " + comment.filterReasons(), at);
    }

    private SpamCheck.Submission submission(Comment comment) {
        String permalink = articles.byId(comment.articleId())
                .map(a -> settings.base() + "/blog/" + a.slug())
                .orElse(null);
        String language =
                articles.byId(comment.articleId()).map(Article::language).orElse(null);
        return new SpamCheck.Submission(
                comment.ip() == null ? "" : comment.ip(),
                comment.userAgent(),
                null,
                permalink,
                comment.parentId() == null ? "comment" : "reply",
                comment.authorName(),
                comment.authorEmail(),
                comment.authorUrl(),
                comment.body(),
                comment.createdAt(),
                language);
    }
}
