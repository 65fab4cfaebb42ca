package clinic.relief.staff;

import java.util.Objects;

/** What it takes to create a staff account; therapists must carry a license to be listed publicly. */
public record NewStaffMember(
        String email,
        String displayName,
        StaffRole role,
        String rawPassword,
        String licenseType,
        String licenseNumber,
        String bioEn,
        String bioEs,
        boolean listed) {

    public NewStaffMember {
        Objects.requireNonNull(role, "role");
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("A staff account needs an email address, got: " + email);
        }
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("A staff password needs at least 12 characters");
        }
        if (listed && (licenseType == null || licenseNumber == null)) {
            throw new IllegalArgumentException("Only licensed staff can be listed publicly: " + email);
        }
    }
}
