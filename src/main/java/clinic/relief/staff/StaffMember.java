package clinic.relief.staff;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A staff member as other modules and pages see them: never with the password hash.
 *
 * @param licenseType the state license a therapist works under (for example "California Certified Massage
 *        Therapist"); shown publicly with {@code licenseNumber} so that clients can check it
 */
public record StaffMember(
        UUID id,
        String email,
        String displayName,
        StaffRole role,
        String licenseType,
        String licenseNumber,
        String bioEn,
        String bioEs) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public String bio(Locale locale) {
        String bio = "es".equals(locale.getLanguage()) ? bioEs : bioEn;
        return bio != null ? bio : Objects.requireNonNullElse(bioEn, "");
    }

    public boolean licensed() {
        return licenseType != null && licenseNumber != null;
    }
}
