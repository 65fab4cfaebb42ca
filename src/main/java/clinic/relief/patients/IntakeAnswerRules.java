package clinic.relief.patients;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a submitted intake form against its questions: every required answer given, each answer of its kind (a date
 * between 1900 and today, a phone number of 7 to 15 digits, an e-mail address, one of the offered choices), no
 * control characters, text of bounded length; and a typed name with agreement to the documents. Gives the message
 * key of each problem by question id, in the order of the questions. Stateless.
 */
final class IntakeAnswerRules {

    static final String NAME = "signedName";
    static final String AGREES = "agrees";

    private static final Pattern PHONE = Pattern.compile("[0-9 +().-]{7,25}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");
    private static final Map<String, Set<String>> CHOICES =
            Map.of("SEX", Set.of("F", "M", "U"), "YES_NO", Set.of("yes", "no"));

    private IntakeAnswerRules() {}

    static Map<String, String> problems(List<IntakeQuestion> questions, IntakeSubmission submission, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (IntakeQuestion question : questions) {
            String answer = submission.answers().getOrDefault(question.id(), "").strip();
            problem(question, answer, today).ifPresent(key -> problems.put(question.id(), key));
        }
        String name = submission.signedName().strip();
        if (name.length() < 2 || name.length() > 200 || CONTROL.matcher(name).find()) {
            problems.put(NAME, "intake.error.name");
        }
        if (!submission.agrees()) {
            problems.put(AGREES, "intake.error.agree");
        }
        return problems;
    }

    private static Optional<String> problem(IntakeQuestion question, String answer, LocalDate today) {
        if (answer.isEmpty()) {
            return question.required() ? Optional.of("intake.error.required") : Optional.empty();
        }
        if (CONTROL.matcher(answer).find()) {
            return Optional.of("intake.error.text");
        }
        int longest = question.kind().equals("LONG_TEXT") ? 2000 : 200;
        if (answer.length() > longest) {
            return Optional.of("intake.error.tooLong");
        }
        boolean valid = switch (question.kind()) {
            case "DATE" -> pastDate(answer, today);
            case "PHONE" ->
                PHONE.matcher(answer).matches()
                        && answer.replaceAll("[^0-9]", "").length() >= 7
                        && answer.replaceAll("[^0-9]", "").length() <= 15;
            case "EMAIL" -> EMAIL.matcher(answer).matches();
            case "SEX", "YES_NO" -> CHOICES.get(question.kind()).contains(answer);
            default -> true;
        };
        return valid
                ? Optional.empty()
                : Optional.of("intake.error." + question.kind().toLowerCase(Locale.ROOT));
    }

    private static boolean pastDate(String answer, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(answer);
            return date.getYear() >= 1900 && !date.isAfter(today);
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
