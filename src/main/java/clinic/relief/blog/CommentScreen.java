package clinic.relief.blog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Runs the spam layers over a new comment, cheapest first, and records why. Bot traps (honeypot, time trap, flood,
 * duplicate) and a spam answer from Akismet send the comment to the spam folder; links, blocked words, a suspicious
 * classifier score, an unreachable Akismet and a first-time commenter hold it for a moderator. Nothing is deleted.
 */
@Component
class CommentScreen {

    /** What the screen needs to know besides the form. */
    record Context(
            String articleSlug,
            UUID articleId,
            String ip,
            String userAgent,
            String referrer,
            String permalink,
            String language,
            boolean reply) {}

    private final TimeTrap timeTrap;
    private final RateLimits rateLimits;
    private final CommentStore comments;
    private final SpamClassifier classifier;
    private final SpamCheck spamCheck;
    private final BlogSettings settings;
    private final Clock clock;

    CommentScreen(
            TimeTrap timeTrap,
            RateLimits rateLimits,
            CommentStore comments,
            SpamClassifier classifier,
            SpamCheck spamCheck,
            BlogSettings settings,
            Clock clock) {
        this.timeTrap = timeTrap;
        this.rateLimits = rateLimits;
        this.comments = comments;
        this.classifier = classifier;
        this.spamCheck = spamCheck;
        this.settings = settings;
        this.clock = clock;
    }

    Screening screen(CommentForm form, Context context) {
        List<String> spam = new ArrayList<>();
        List<String> hold = new ArrayList<>();
        botTraps(form, context, spam);
        if (!rateLimits.allowIp(context.ip())) {
            spam.add("rate-limit-ip");
        }
        if (!rateLimits.allowEmail(form.email())) {
            spam.add("rate-limit-email");
        }
        if (comments.duplicate(context.articleId(), form.email(), form.body())) {
            spam.add("duplicate");
        }
        content(form, hold);
        OptionalDouble score = classifier.score(form.body());
        if (score.isPresent() && score.getAsDouble() > settings.classifierHoldAbove()) {
            hold.add(String.format(Locale.ROOT, "classifier:%.3f", score.getAsDouble()));
        }
        if (spam.isEmpty()) {
            askTheService(form, context, spam, hold);
        }
        if (!comments.approvedBefore(form.email())) {
            hold.add("first-time");
        }
        List<String> reasons = new ArrayList<>(spam);
        reasons.addAll(hold);
        Screening.Verdict verdict = !spam.isEmpty()
                ? Screening.Verdict.SPAM
                : !hold.isEmpty() ? Screening.Verdict.HOLD : Screening.Verdict.APPROVE;
        return new Screening(verdict, reasons, score.isPresent() ? score.getAsDouble() : null);
    }

    private void botTraps(CommentForm form, Context context, List<String> spam) {
        if (form.nickname() != null && !form.nickname().isBlank()) {
            spam.add("honeypot");
        }
        switch (timeTrap.check(form.trap(), context.articleSlug())) {
            case TOO_FAST -> spam.add("too-fast");
            case FORGED -> spam.add("time-trap-forged");
            case EXPIRED, OK -> {}
        }
    }

    private void content(CommentForm form, List<String> hold) {
        int links = CommentText.links(form.body());
        if (links >= 2) {
            hold.add("links:" + links);
        }
        String lower = (form.name() + " " + form.body()).toLowerCase(Locale.ROOT);
        settings.blockedWords().stream()
                .filter(word -> lower.contains(word.toLowerCase(Locale.ROOT)))
                .findFirst()
                .ifPresent(word -> hold.add("blocked-word"));
    }

    private void askTheService(CommentForm form, Context context, List<String> spam, List<String> hold) {
        SpamCheck.Answer answer = spamCheck.check(submission(form, context));
        switch (answer) {
            case SPAM -> spam.add("akismet:spam");
            case DISCARD -> spam.add("akismet:discard");
            case UNAVAILABLE -> hold.add("akismet:unavailable");
            case HAM, DISABLED -> {}
        }
    }

    SpamCheck.Submission submission(CommentForm form, Context context) {
        return new SpamCheck.Submission(
                context.ip(),
                context.userAgent(),
                context.referrer(),
                context.permalink(),
                context.reply() ? "reply" : "comment",
                form.name(),
                form.email(),
                form.website().isBlank() ? null : form.website(),
                form.body(),
                clock.instant(),
                context.language());
    }
}
