package clinic.relief.clinic;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic profile file, bound from {@code relief.clinic.*} (see {@code clinic.yml}). Immutable and validated at
 * start-up: a clinic with a broken profile does not start rather than showing half a site. Its names, phone, e-mail
 * and address lines only seed {@link ClinicSettings}; everything else is read from here ({@link ClinicProfile}).
 */
@Validated
@ConfigurationProperties("relief.clinic")
public record ClinicProfileFile(
        @NotBlank String name,
        @NotBlank String shortName,
        @Nullable String centerName,
        @NotBlank @Pattern(regexp = "\\+[0-9]{8,15}") String phone,
        @NotBlank String phoneDisplay,
        @Nullable String email,
        @NotNull @Valid ClinicProfile.Address address,
        @NotNull ZoneId zone,
        @NotEmpty List<Locale> languages,
        @NotEmpty List<ClinicProfile.@Valid OpeningHours> hours,
        @NotNull @Valid ClinicProfile.Insurance insurance,
        @NotEmpty List<ClinicProfile.@Valid ServiceAreaCity> serviceArea,
        @NotEmpty List<ClinicProfile.@Valid Service> services,
        boolean reliefGuarantee,
        ClinicProfile.@Valid @Nullable Billing billing) {

    public ClinicProfileFile {
        languages = List.copyOf(languages);
        hours = List.copyOf(hours);
        serviceArea = List.copyOf(serviceArea);
        services = List.copyOf(services);
    }
}
