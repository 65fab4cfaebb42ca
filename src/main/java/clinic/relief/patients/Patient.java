package clinic.relief.patients;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A patient's contact details as other modules see them; the health history is read separately, by role. The date of
 * birth and sex are null until the desk records them (insurance claims need both).
 */
public record Patient(
        UUID id,
        String firstName,
        String lastName,
        String phone,
        String email,
        @Nullable LocalDate dateOfBirth,
        @Nullable Sex sex,
        String language) {

    /** Locales by language tag: parsing a tag on every letter showed in the booking profile. */
    private static final Map<String, Locale> LOCALES = new ConcurrentHashMap<>();

    public Patient {
        Objects.requireNonNull(id, "id");
    }

    /** First name and last initial: all that emails and calendars may carry. */
    public String shortName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName.charAt(0) + ".";
    }

    /** The language letters and documents to the patient are written in (English when none is recorded). */
    public Locale locale() {
        return LOCALES.computeIfAbsent(language == null ? "en" : language, Locale::forLanguageTag);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
