package clinic.relief.sms;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reply asks for: each word issue 21 names (C/Y confirm; STOP, UNSUBSCRIBE, CANCEL, END, QUIT opt out; START
 * opts back in; HELP), as patients type them (any case, accents, punctuation, spaces), and nothing more.
 */
class KeywordTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "C|CONFIRM",
                "c|CONFIRM",
                "Y|CONFIRM",
                "yes!|CONFIRM",
                " C. |CONFIRM",
                "Sí|CONFIRM",
                "STOP|STOP",
                "stop|STOP",
                "Unsubscribe|STOP",
                "CANCEL|STOP",
                "end|STOP",
                "Quit.|STOP",
                "START|START",
                "unstop|START",
                "HELP|HELP",
                "ayuda|HELP",
                "Can I come at 5?|OTHER",
                "C please|OTHER",
                "stop texting me at night|OTHER",
                "Yesterday|OTHER",
                "''|OTHER",
            })
    void readsTheOneWordOfAReply(String body, Keyword expected) {
        assertThat(Keyword.of(body)).isEqualTo(expected);
    }
}
