package clinic.relief.blog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * Robinson's chi-squared combining of the most telling token probabilities (as SpamBayes does): near 0 ham,
     * near 1 spam, near 0.5 unsure. Far fewer false positives than the plain product of {@link #logOdds}.
     */
    synchronized double chiScore(String text) {
        double spamDocs = Math.max(1, documents[SPAM]);
        double hamDocs = Math.max(1, documents[HAM]);
        List<Double> clues = new ArrayList<>();
        for (String token : tokens(text)) {
            int[] c = counts.get(token);
            if (c == null) {
                continue;
            }
            double spamRatio = c[SPAM] / spamDocs;
            double hamRatio = c[HAM] / hamDocs;
            double p = spamRatio / (spamRatio + hamRatio);
            double n = c[SPAM] + c[HAM];
            double f = (0.45 * 0.5 + n * p) / (0.45 + n);
            if (Math.abs(f - 0.5) > 0.1) {
                clues.add(f);
            }
        }
        clues.sort(Comparator.comparingDouble(f -> -Math.abs(f - 0.5)));
        List<Double> used = clues.subList(0, Math.min(150, clues.size()));
        if (used.isEmpty()) {
            return 0.5;
        }
        double lnHam = 0;
        double lnSpam = 0;
        for (double f : used) {
            lnHam += Math.log(Math.max(f, 1e-12));
            lnSpam += Math.log(Math.max(1 - f, 1e-12));
        }
        double spamness = 1 - chi2Q(-2 * lnSpam, 2 * used.size());
        double hamness = 1 - chi2Q(-2 * lnHam, 2 * used.size());
        return (spamness - hamness + 1) / 2;
    }

    private static double chi2Q(double x2, int freedom) {
        double m = x2 / 2;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < freedom / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
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
