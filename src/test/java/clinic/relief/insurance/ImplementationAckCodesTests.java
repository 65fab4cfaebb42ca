package clinic.relief.insurance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes a 999 leaves on a claim or in the file log, found again to be shown with their meaning. */
class ImplementationAckCodesTests {

    final ImplementationAckCodes codes = new ImplementationAckCodes();

    static ImplementationAckCodes.Code code(String element, String code) {
        return new ImplementationAckCodes.Code(element, code);
    }

    @Test
    void findsTheSetAnswerAndTheSegmentAndElementErrorsInTheOrderTheyAreNamed() {
        assertThat(codes.of("set answer R; segment CLM at position 22 (error 8); element 2-1 (error I12)"))
                .containsExactly(code("IK5", "R"), code("IK3", "8"), code("IK4", "I12"));
    }

    @Test
    void findsTheCodesInTheFileLogsDetailToo() {
        assertThat(codes.of("999: sets accepted 0, rejected 1; set 0001: set answer E, segment REF at position 57"
                        + " (error 3); claims accepted ; rejected R1 R2"))
                .containsExactly(code("IK5", "E"), code("IK3", "3"));
    }

    @Test
    void readsAWholeGroupRejectionWithItsAnswerAndEachErrorCode() {
        assertThat(codes.of("functional group rejected, answer X (error 4, 19)"))
                .containsExactly(code("AK9", "X"), code("AK905", "4"), code("AK905", "19"));
    }

    @Test
    void readsTheTextKeptBeforeTheAnswerWasAsAGroupRejectedWithR() {
        assertThat(codes.of("functional group rejected (error 5)"))
                .containsExactly(code("AK9", "R"), code("AK905", "5"));
        assertThat(codes.of("segment CLM at position 22 (error 8); element 2 (error 1)"))
                .containsExactly(code("IK3", "8"), code("IK4", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A7:562:85", "A3:21", "segment CLM at position 22", "set answer"})
    void findsNothingInA277caStatusOrTextWithoutA999Code(String text) {
        assertThat(codes.of(text)).isEmpty();
    }

    @Test
    void everyPublishedCodeHasAMeaningInEnglishAndSpanishAndAnUnknownOneHasNone() throws IOException {
        List<String> published = List.of(
                "IK3.1", "IK3.2", "IK3.3", "IK3.4", "IK3.5", "IK3.6", "IK3.7", "IK3.8", "IK3.I4", "IK3.I6", "IK3.I7",
                "IK3.I8", "IK3.I9", "IK4.1", "IK4.2", "IK4.3", "IK4.4", "IK4.5", "IK4.6", "IK4.7", "IK4.8", "IK4.9",
                "IK4.10", "IK4.12", "IK4.13", "IK4.I6", "IK4.I9", "IK4.I10", "IK4.I11", "IK4.I12", "IK4.I13", "IK5.A",
                "IK5.E", "IK5.M", "IK5.R", "IK5.W", "IK5.X", "AK9.A", "AK9.E", "AK9.M", "AK9.P", "AK9.R", "AK9.W",
                "AK9.X", "AK905.1", "AK905.4", "AK905.5");
        for (String bundle : List.of("messages.properties", "messages_es.properties")) {
            Properties messages = bundle(bundle);
            for (String key : published) {
                assertThat(messages.getProperty("insurance.ack999." + key))
                        .as(bundle + " " + key)
                        .isNotBlank();
            }
            for (String element : List.of("IK3", "IK4", "IK5", "AK9", "AK905")) {
                assertThat(messages.getProperty(code(element, "1").labelKey()))
                        .as(bundle + " " + element)
                        .isNotBlank();
            }
            assertThat(messages.getProperty(code("IK3", "11").meaningKey())).isNull();
            assertThat(messages.getProperty(code("IK4", "11").meaningKey())).isNull();
            assertThat(messages.getProperty(code("IK5", "P").meaningKey())).isNull();
            assertThat(messages.getProperty("insurance.ack999.unknown")).isNotBlank();
        }
        assertThat(bundle("messages_es.properties").getProperty("insurance.ack999.IK4.7"))
                .isNotEqualTo(bundle("messages.properties").getProperty("insurance.ack999.IK4.7"));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ImplementationAckCodesTests.class.getResourceAsStream("/insurance/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(properties).as(name).isNotEmpty();
        return properties;
    }
}
