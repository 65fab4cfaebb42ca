package clinic.relief.workspace.settings;

import java.util.List;
import java.util.Optional;

import clinic.relief.staff.ProfileEdit;
import clinic.relief.staff.StaffMember;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The owner's form for a therapist's public profile. {@code version} is the profile version the form was filled
 * from; a save against a newer one is refused ("changed since you looked").
 */
record TherapistForm(
        @NotBlank(message = "{workspace.therapist.required}")
        @Size(max = 120, message = "{workspace.therapist.tooLong}")
        @Nullable
        String displayName,

        @NotEmpty(message = "{workspace.therapist.languages.none}") @Nullable
        List<@Pattern(regexp = "[a-z]{2}", message = "{workspace.therapist.languages.code}") String> languages,

        @Size(max = 300, message = "{workspace.therapist.tooLong}") @Nullable
        String specialtiesEn,

        @Size(max = 300, message = "{workspace.therapist.tooLong}") @Nullable
        String specialtiesEs,

        @Size(max = 120, message = "{workspace.therapist.tooLong}") @Nullable
        String licenseType,

        @Size(max = 60, message = "{workspace.therapist.tooLong}") @Nullable
        String licenseNumber,

        @Size(max = 2000, message = "{workspace.therapist.tooLong}") @Nullable
        String bioEn,

        @Size(max = 2000, message = "{workspace.therapist.tooLong}") @Nullable
        String bioEs,

        boolean listed,

        @NotNull(message = "{workspace.therapist.required}") @Nullable
        Integer version) {

    static TherapistForm of(StaffMember m) {
        return new TherapistForm(
                m.displayName(),
                m.languages(),
                m.specialtiesEn(),
                m.specialtiesEs(),
                m.licenseType(),
                m.licenseNumber(),
                m.bioEn(),
                m.bioEs(),
                m.listed(),
                m.profileVersion());
    }

    /** Only a therapist with a license type and number may be listed on the public site. */
    @AssertTrue(message = "{workspace.therapist.listedNeedsLicense}")
    public boolean isLicensedWhenListed() {
        return !listedTicked()
                || (text(licenseType).isPresent() && text(licenseNumber).isPresent());
    }

    /** Whether the box is ticked (an unticked checkbox sends nothing). */
    public boolean listedTicked() {
        return Boolean.TRUE.equals(listed);
    }

    /** Whether {@code code} is among the languages ticked (for the form's checkboxes). */
    public boolean speaks(String code) {
        return languages != null && languages.contains(code);
    }

    /** The edit to apply; call only on a form without errors. */
    ProfileEdit edit() {
        return new ProfileEdit(
                text(displayName).orElseThrow(),
                languages == null ? List.of() : languages.stream().distinct().toList(),
                text(specialtiesEn),
                text(specialtiesEs),
                text(licenseType),
                text(licenseNumber),
                text(bioEn),
                text(bioEs),
                listedTicked());
    }

    private static Optional<String> text(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
