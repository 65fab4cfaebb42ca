package clinic.relief.blog;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binarized multinomial naive Bayes text classifier for spam versus ham, with Laplace smoothing. Each text counts a
 * token once however often it appears. Thread-safe: training and scoring synchronise on the model.
 */
final class NaiveBayes {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}$€!'][\\p{L}\\p{N}$€!'._-]{1,24}");
    private static final int SPAM = 1;
    private static final int HAM = 0;

    private final Map<String, int[]> counts = new HashMap<>();
    private final long[] tokenTotals = new long[2];
    private final int[] documents = new int[2];

    synchronized void train(String text, boolean spam) {
        int label = spam ? SPAM : HAM;
        documents[label]++;
        for (String token : tokens(text)) {
            counts.computeIfAbsent(token, t -> new int[2])[label]++;
            tokenTotals[label]++;
        }
    }

    /** Whether it has seen at least a few examples of each kind; an untrained model's score means nothing. */
    synchronized boolean trained() {
        return documents[SPAM] >= 5 && documents[HAM] >= 5;
    }

    synchronized int documents() {
        return documents[SPAM] + documents[HAM];
    }

    /** The log odds that the text is spam: above zero leans spam, below zero ham. */
    synchronized double logOdds(String text) {
        double vocabulary = counts.size() + 1;
        double odds = Math.log((documents[SPAM] + 1.0) / (documents[HAM] + 1.0));
        double spamDenominator = tokenTotals[SPAM] + vocabulary;
        double hamDenominator = tokenTotals[HAM] + vocabulary;
        for (String token : tokens(text)) {
            int[] c = counts.get(token);
            if (c == null) {
                continue;
            }
            odds += Math.log((c[SPAM] + 1.0) / spamDenominator) - Math.log((c[HAM] + 1.0) / hamDenominator);
        }
        return odds;
    }

    /** The spam probability, from {@link #logOdds}; for display and thresholds. */
    double spamProbability(String text) {
        double odds = Math.max(-700, Math.min(700, logOdds(text)));
        return 1.0 / (1.0 + Math.exp(-odds));
    }

    static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String token = matcher.group();
            tokens.add(token.length() > 20 ? token.substring(0, 20) : token);
        }
        int links = CommentText.links(text);
        tokens.add("links:" + Math.min(links, 3));
        return tokens;
    }
}
