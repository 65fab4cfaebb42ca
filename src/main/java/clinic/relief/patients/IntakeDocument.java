package clinic.relief.patients;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A consent or policy text in one language, as one of its versions: a version never changes (the database refuses),
 * the clinic adds a new one with the date it takes effect.
 *
 * @param kind {@code CONSENT}, {@code PRIVACY} or {@code POLICIES}
 */
public record IntakeDocument(String kind, String version, LocalDate effectiveOn, String title, String body) {

    public IntakeDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
