package clinic.relief.outcomes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import org.springframework.stereotype.Component;

/** The muscles and body regions the note editor offers, labelled from the pain finder's knowledge base. */
@Component
class NoteChoices {

    /** A choice: an id and its label in the page's language. */
    public record Choice(String id, String label) {}

    private final KnowledgeBase knowledge;

    NoteChoices(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    List<Choice> muscles(Locale locale) {
        Lang lang = lang(locale);
        return knowledge.muscles().stream()
                .map(m -> new Choice(m.id(), m.name().in(lang)))
                .sorted(Comparator.comparing(Choice::label))
                .toList();
    }

    List<Choice> regions(Locale locale) {
        Lang lang = lang(locale);
        return knowledge.regionIds().stream()
                .map(id -> new Choice(id, knowledge.regionLabel(id, lang)))
                .toList();
    }

    /** Region id to label, for the body map. */
    Map<String, String> regionLabels(Locale locale) {
        return regions(locale).stream().collect(Collectors.toMap(Choice::id, Choice::label));
    }

    String muscleName(String id, Locale locale) {
        var muscle = knowledge.muscle(id);
        return muscle == null ? id : muscle.name().in(lang(locale));
    }

    String regionName(String id, Locale locale) {
        return knowledge.regionOf(id) == null ? id : knowledge.regionLabel(id, lang(locale));
    }

    static Lang lang(Locale locale) {
        return "es".equals(locale.getLanguage()) ? Lang.ES : Lang.EN;
    }
}
