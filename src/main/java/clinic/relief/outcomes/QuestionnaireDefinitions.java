package clinic.relief.outcomes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The questionnaires the clinic offers. PEG and PSFS ship with the app (their texts are in the message bundle). The
 * ODI and the NDI are copyrighted: a licensed clinic puts their texts in {@code odi.yml} and {@code ndi.yml} in the
 * folder {@code relief.outcomes.questionnaires}; without them those two are not offered. The scoring rules are built
 * in ({@link Score}); a file only carries the texts, checked at start-up: 10 items, each with 6 answers (0 to 5),
 * English and Spanish.
 */
@Component
class QuestionnaireDefinitions {

    /** One item of a licensed questionnaire: its question and the answers for 0 to 5, per language code. */
    public record Item(Map<String, String> question, List<Map<String, String>> answers) {

        public String question(Locale locale) {
            return question.getOrDefault(locale.getLanguage(), question.get("en"));
        }

        public String answer(int score, Locale locale) {
            return answers.get(score)
                    .getOrDefault(locale.getLanguage(), answers.get(score).get("en"));
        }
    }

    private final Map<Instrument, List<Item>> licensed = new EnumMap<>(Instrument.class);

    QuestionnaireDefinitions(OutcomesSettings settings) {
        String folder = settings.questionnaires();
        if (folder == null || folder.isBlank()) {
            return;
        }
        for (Instrument instrument : List.of(Instrument.ODI, Instrument.NDI)) {
            Path file = Path.of(folder, instrument.id() + ".yml");
            if (Files.exists(file)) {
                licensed.put(instrument, read(file, instrument));
            }
        }
    }

    boolean offers(Instrument instrument) {
        return instrument == Instrument.PEG || instrument == Instrument.PSFS || licensed.containsKey(instrument);
    }

    /** The items of a licensed questionnaire (ODI, NDI), or an empty list. */
    List<Item> items(Instrument instrument) {
        return licensed.getOrDefault(instrument, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Item> read(Path file, Instrument instrument) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<Map<String, Object>> items = (List<Map<String, Object>>) root.get("items");
            if (items == null || items.size() != instrument.maxItems()) {
                throw invalid(file, "needs " + instrument.maxItems() + " items");
            }
            List<Item> parsed = new ArrayList<>();
            for (Map<String, Object> item : items) {
                Map<String, String> question = (Map<String, String>) item.get("question");
                List<Map<String, String>> answers = (List<Map<String, String>>) item.get("answers");
                if (!bilingual(question)
                        || answers == null
                        || answers.size() != instrument.maxAnswer() + 1
                        || !answers.stream().allMatch(QuestionnaireDefinitions::bilingual)) {
                    throw invalid(
                            file,
                            "item " + (parsed.size() + 1) + " needs a question and " + (instrument.maxAnswer() + 1)
                                    + " answers in en and es");
                }
                parsed.add(new Item(
                        Map.copyOf(question), answers.stream().map(Map::copyOf).toList()));
            }
            return List.copyOf(parsed);
        } catch (IOException | ClassCastException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static boolean bilingual(Map<String, String> texts) {
        return texts != null
                && texts.get("en") != null
                && !texts.get("en").isBlank()
                && texts.get("es") != null
                && !texts.get("es").isBlank();
    }

    private static IllegalStateException invalid(Path file, String why) {
        return new IllegalStateException("Questionnaire file " + file + " is invalid: " + why);
    }
}
