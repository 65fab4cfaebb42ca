package clinic.relief.painmap;

/** A text in English and Spanish; both are required and non-blank. */
public record Text(String en, String es) {

    public Text {
        if (en == null || en.isBlank()) {
            throw new IllegalArgumentException("missing English text");
        }
        if (es == null || es.isBlank()) {
            throw new IllegalArgumentException("missing Spanish text");
        }
    }

    /** The text in the given language. */
    public String in(Lang lang) {
        return lang == Lang.ES ? es : en;
    }
}
