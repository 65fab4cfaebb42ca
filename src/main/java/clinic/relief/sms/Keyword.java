package clinic.relief.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** What a received text asks for, by its one word (any case, accents and punctuation ignored). */
enum Keyword {
    CONFIRM,
    STOP,
    START,
    HELP,
    OTHER;

    private static final Set<String> CONFIRMS = Set.of("C", "Y", "YES", "CONFIRM", "SI", "CONFIRMO");
    // Twilio's own opt-out and opt-in words, which Twilio also acts on for the account.
    private static final Set<String> STOPS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> STARTS = Set.of("START", "UNSTOP");
    private static final Set<String> HELPS = Set.of("HELP", "INFO", "AYUDA");

    static Keyword of(String body) {
        String word = Normalizer.normalize(body, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]", "")
                .toUpperCase(Locale.ROOT);
        if (CONFIRMS.contains(word)) {
            return CONFIRM;
        }
        if (STOPS.contains(word)) {
            return STOP;
        }
        if (STARTS.contains(word)) {
            return START;
        }
        return HELPS.contains(word) ? HELP : OTHER;
    }
}
