package clinic.relief.staff;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A staff member as other modules and pages see them: never with the password hash.
 *
 * @param licenseType the state license a therapist works under (for example "California Certified Massage
 *        Therapist"); shown publicly with {@code licenseNumber} so that clients can check it
 * @param languages the languages the therapist works in, as two-letter codes (at least one)
 * @param specialtiesEn what the therapist is known for, shown to patients choosing a therapist; may be absent
 * @param listed whether the therapist chose to appear on the public site
 * @param photoTag the photo's tag (its ETag) when the owner uploaded one
 * @param profileVersion moved on by every edit of the profile (see {@link Staff#editProfile})
 */
public record StaffMember(
        UUID id,
        String email,
        String displayName,
        StaffRole role,
        String licenseType,
        String licenseNumber,
        String bioEn,
        String bioEs,
        List<String> languages,
        String specialtiesEn,
        String specialtiesEs,
        boolean listed,
        Optional<String> photoTag,
        int profileVersion) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(photoTag, "photoTag");
        languages = List.copyOf(languages);
    }

    /** The public address of the photo, versioned by its tag so that a new photo is a new address. */
    public Optional<String> photoUrl() {
        return photoTag.map(tag -> "/therapists/" + id + "/photo?v=" + tag.substring(0, 16));
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    /** The specialties in the page's language (English when there is no translation); empty when none are given. */
    public String specialties(Locale locale) {
        String specialties = "es".equals(locale.getLanguage()) ? specialtiesEs : specialtiesEn;
        return specialties != null ? specialties : Objects.requireNonNullElse(specialtiesEn, "");
    }

    public String bio(Locale locale) {
        String bio = "es".equals(locale.getLanguage()) ? bioEs : bioEn;
        return bio != null ? bio : Objects.requireNonNullElse(bioEn, "");
    }

    public boolean licensed() {
        return licenseType != null && licenseNumber != null;
    }
}
