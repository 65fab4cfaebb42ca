package clinic.relief.clinic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Answers "do you serve my city or ZIP?" from the clinic profile. Accepts a five-digit ZIP (a ZIP+4 is cut to its
 * first five digits) or a city name, matched without regard to case, accents or extra spaces.
 */
@Component
public class ServiceArea {

    private static final Pattern ZIP = Pattern.compile("(\\d{5})(-\\d{4})?");
    private static final int MAX_QUERY = 80;

    private final ClinicProfile profile;

    ServiceArea(ClinicProfile profile) {
        this.profile = profile;
    }

    /** The answer for a visitor's query; never throws for any input. */
    public Answer check(String query) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_QUERY) {
            return new Answer(Outcome.INVALID, trimmed, null);
        }
        var zip = ZIP.matcher(trimmed);
        if (zip.matches()) {
            return byZip(zip.group(1));
        }
        if (trimmed.chars().anyMatch(Character::isDigit)) {
            return new Answer(Outcome.INVALID, trimmed, null);
        }
        return byCity(trimmed);
    }

    private Answer byZip(String zip) {
        return profile.serviceArea().stream()
                .filter(city -> city.zips().contains(zip))
                .findFirst()
                .map(city -> new Answer(Outcome.SERVED, zip, city.city()))
                .orElseGet(() -> new Answer(Outcome.NOT_SERVED, zip, null));
    }

    private Answer byCity(String name) {
        String wanted = fold(name);
        Optional<ClinicProfile.ServiceAreaCity> match = profile.serviceArea().stream()
                .filter(city -> fold(city.city()).equals(wanted))
                .findFirst();
        return match.map(city -> new Answer(Outcome.SERVED, name, city.city()))
                .orElseGet(() -> new Answer(Outcome.NOT_SERVED, name, null));
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
    }

    public enum Outcome {
        SERVED,
        NOT_SERVED,
        INVALID
    }

    /**
     * @param query what was checked, normalised (the ZIP's five digits, or the city as typed, trimmed)
     * @param city the served city it matched, or {@code null}
     */
    public record Answer(Outcome outcome, String query, String city) {

        public boolean served() {
            return outcome == Outcome.SERVED;
        }
    }
}
