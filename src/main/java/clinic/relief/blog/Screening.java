package clinic.relief.blog;

import java.util.List;

/**
 * What the filters decided about a new comment and why: every layer that objected leaves a reason such as
 * {@code honeypot}, {@code too-fast}, {@code links:2}, {@code first-time} or {@code akismet:spam}.
 */
record Screening(Verdict verdict, List<String> reasons, Double spamScore) {

    enum Verdict {
        APPROVE,
        HOLD,
        SPAM;

        CommentStatus status() {
            return switch (this) {
                case APPROVE -> CommentStatus.APPROVED;
                case HOLD -> CommentStatus.PENDING;
                case SPAM -> CommentStatus.SPAM;
            };
        }
    }

    Screening {
        reasons = List.copyOf(reasons);
    }

    String reasonText() {
        return reasons.isEmpty() ? "clean" : String.join(", ", reasons);
    }
}
