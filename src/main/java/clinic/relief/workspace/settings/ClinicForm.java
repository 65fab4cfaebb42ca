package clinic.relief.workspace.settings;

import java.util.Optional;

import clinic.relief.clinic.ClinicDetails;
import clinic.relief.clinic.ClinicDetailsRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The owner's form for the clinic's details ({@link ClinicDetails}): names, phone as typed, contact e-mail and address
 * lines. {@code version} is the one the form was filled from.
 */
record ClinicForm(
        @Nullable String name,
        @Nullable String shortName,
        @Nullable String centerName,
        @Nullable String phone,
        @Nullable String contactEmail,
        @Nullable String street,
        @Nullable String city,
        @Nullable String region,
        @Nullable String postalCode,
        @Nullable Integer version) {

    static ClinicForm of(ClinicDetails details, int version) {
        return new ClinicForm(
                details.name(),
                details.shortName(),
                details.centerName(),
                details.phoneDisplay(),
                details.contactEmail(),
                details.street(),
                details.city(),
                details.region(),
                details.postalCode(),
                version);
    }

    /** The details these values make, or empty after rejecting each bad field in {@code errors}. */
    Optional<ClinicDetails> details(String country, Errors errors) {
        try {
            return Optional.of(ClinicDetails.typed(
                    text(name),
                    text(shortName),
                    text(centerName),
                    text(phone),
                    text(contactEmail),
                    text(street),
                    text(city),
                    text(region),
                    text(postalCode),
                    country));
        } catch (ClinicDetailsRefused refused) {
            refused.problems().stream()
                    .filter(p -> !errors.hasFieldErrors(p.field()))
                    .forEach(p -> errors.rejectValue(p.field(), p.key()));
            return Optional.empty();
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
