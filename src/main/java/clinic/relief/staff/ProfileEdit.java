package clinic.relief.staff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the owner edits of a staff member's public profile: the name patients see, the languages they work in
 * (two-letter codes, at least one), specialties and bio per language, the state license shown with the name, and
 * whether they are listed on the public site (only with a license).
 */
public record ProfileEdit(
        String displayName,
        List<String> languages,
        Optional<String> specialtiesEn,
        Optional<String> specialtiesEs,
        Optional<String> licenseType,
        Optional<String> licenseNumber,
        Optional<String> bioEn,
        Optional<String> bioEs,
        boolean listed) {

    public ProfileEdit {
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new IllegalArgumentException("A display name has 1 to 120 characters");
        }
        languages = List.copyOf(languages);
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.matches("[a-z]{2}"))) {
            throw new IllegalArgumentException("Languages are two-letter codes, at least one: " + languages);
        }
        if (listed && (licenseType.isEmpty() || licenseNumber.isEmpty())) {
            throw new IllegalArgumentException("Only licensed staff can be listed publicly");
        }
    }
}
