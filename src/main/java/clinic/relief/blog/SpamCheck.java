package clinic.relief.blog;

import java.time.Instant;

/**
 * An outside spam service (Akismet today). Implementations never throw and never wait longer than their timeout:
 * when the service cannot answer they say {@link Answer#UNAVAILABLE} and the local filters decide alone.
 */
interface SpamCheck {

    enum Answer {
        HAM,
        SPAM,
        DISCARD,
        UNAVAILABLE,
        DISABLED
    }

    /** What the service is told about one comment. The email goes to the service and nowhere else. */
    record Submission(
            String userIp,
            String userAgent,
            String referrer,
            String permalink,
            String commentType,
            String author,
            String authorEmail,
            String authorUrl,
            String content,
            Instant createdAt,
            String language) {}

    Answer check(Submission submission);

    /** A moderator decided the comment was spam that the service had let through (or confirmed it). */
    void reportSpam(Submission submission);

    /** A moderator decided the comment was not spam. */
    void reportHam(Submission submission);

    /** No service configured: every check says {@link Answer#DISABLED}. */
    SpamCheck NONE = new SpamCheck() {
        @Override
        public Answer check(Submission submission) {
            return Answer.DISABLED;
        }

        @Override
        public void reportSpam(Submission submission) {}

        @Override
        public void reportHam(Submission submission) {}
    };
}
