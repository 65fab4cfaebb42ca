package clinic.relief.workspace.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What someone typed into the patient search, read as one kind of search: a date of birth (2026-01-31, 1/31/1980,
 * or 31/1/1980 in Spanish), a phone fragment (three or more digits, nothing but phone characters), or words that
 * must all appear, in order, in "first last first e-mail" (so "garcia ana" finds Ana García). Fewer than two
 * characters: no search. Case and accents never matter (the database folds both sides).
 */
record PatientQuery(Kind kind, String pattern, Optional<LocalDate> born) {

    enum Kind {
        NONE,
        TEXT,
        PHONE,
        BIRTH
    }

    private static final List<DateTimeFormatter> US =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/uuuu"));
    private static final List<DateTimeFormatter> ES =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"));

    /** The dates of birth searched for: none before 1800 and none after the year 9999. */
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1800, 1, 1);

    private static final LocalDate LAST_BIRTH = LocalDate.of(9999, 12, 31);

    static PatientQuery of(String typed, Locale locale) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < 2) {
            return new PatientQuery(Kind.NONE, "", Optional.empty());
        }
        Optional<LocalDate> date = date(text, "es".equals(locale.getLanguage()) ? ES : US);
        if (date.isPresent()) {
            return new PatientQuery(Kind.BIRTH, "", date);
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (text.matches("[0-9 ()+.-]+") && digits.length() >= 3) {
            return new PatientQuery(Kind.PHONE, "%" + digits + "%", Optional.empty());
        }
        StringBuilder pattern = new StringBuilder("%");
        for (String word : text.split("\\s+")) {
            pattern.append(escape(word)).append('%');
        }
        return new PatientQuery(Kind.TEXT, pattern.toString(), Optional.empty());
    }

    boolean isEmpty() {
        return kind == Kind.NONE;
    }

    private static Optional<LocalDate> date(String text, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter format : formats) {
            try {
                LocalDate date = LocalDate.parse(text, format);
                // A date outside these finds no one, and goes to the database as the day before the first (the
                // database refuses far dates such as +999999999-01-01).
                boolean possible = !date.isBefore(FIRST_BIRTH) && !date.isAfter(LAST_BIRTH);
                return Optional.of(possible ? date : FIRST_BIRTH.minusDays(1));
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
