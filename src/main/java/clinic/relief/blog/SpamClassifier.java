package clinic.relief.blog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The statistical layer: a naive Bayes model trained at start-up, in the background, on the SpamAssassin corpus when
 * {@code relief.blog.corpus-dir} points at it, then on the clinic's own moderation decisions, and after that on each
 * new decision. Until it has seen enough examples it gives no score and the other layers decide.
 */
@Component
class SpamClassifier {

    private static final Logger log = LoggerFactory.getLogger(SpamClassifier.class);

    private final NaiveBayes model = new NaiveBayes();
    private final BlogSettings settings;
    private final CommentStore comments;

    SpamClassifier(BlogSettings settings, CommentStore comments) {
        this.settings = settings;
        this.comments = comments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainInTheBackground() {
        Thread training = new Thread(this::train, "blog-spam-training");
        training.setDaemon(true);
        training.start();
    }

    void train() {
        String dir = settings.corpusDir();
        if (dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir))) {
            try {
                var messages = SpamCorpus.read(Path.of(dir));
                messages.forEach(m -> model.train(m.text(), m.spam()));
                log.info("Spam classifier trained on {} corpus messages", messages.size());
            } catch (Exception ex) {
                log.warn("Could not train the spam classifier on {}: {}", dir, ex.toString());
            }
        }
        comments.decided().forEach(c -> model.train(c.body(), c.status() == CommentStatus.SPAM));
    }

    /** The spam score of a comment (0 ham, 0.5 unsure, 1 spam), or empty while the model is untrained. */
    OptionalDouble score(String text) {
        return model.trained() ? OptionalDouble.of(model.chiScore(text)) : OptionalDouble.empty();
    }

    void learn(String text, boolean spam) {
        model.train(text, spam);
    }
}
