package clinic.relief.clinic;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic profile, bound from {@code relief.clinic.*} (see {@code clinic.yml}). Immutable and validated at
 * start-up: a clinic with a broken profile does not start rather than showing half a site.
 *
 * <p>{@code reliefGuarantee} says whether the clinic promises relief (the public site then presents its guarantee).
 * {@code billing} is the billing provider's identity for insurance claims; a clinic that bills no insurer leaves it
 * out (null).
 */
@Validated
@ConfigurationProperties("relief.clinic")
public record ClinicProfile(
        @NotBlank String name,
        @NotBlank String shortName,
        String centerName,
        @NotBlank @Pattern(regexp = "\\+[0-9]{8,15}") String phone,
        @NotBlank String phoneDisplay,
        String email,
        @NotNull @Valid Address address,
        @NotNull ZoneId zone,
        @NotEmpty List<Locale> languages,
        @NotEmpty List<@Valid OpeningHours> hours,
        @NotNull @Valid Insurance insurance,
        @NotEmpty List<@Valid ServiceAreaCity> serviceArea,
        @NotEmpty List<@Valid Service> services,
        boolean reliefGuarantee,
        @Valid Billing billing) {

    public ClinicProfile {
        languages = List.copyOf(languages);
        hours = List.copyOf(hours);
        serviceArea = List.copyOf(serviceArea);
        services = List.copyOf(services);
    }

    public record Address(
            @NotBlank String street,
            @NotBlank String city,
            @NotBlank String region,
            @NotBlank String postalCode,
            @NotBlank String country) {}

    /** One line of the opening hours: the same times on each of {@code days}. */
    public record OpeningHours(
            @NotEmpty Set<DayOfWeek> days,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes) {

        public OpeningHours {
            days = Set.copyOf(days);
            if (opens != null && closes != null && !opens.isBefore(closes)) {
                throw new IllegalArgumentException(
                        "Opening hours must open before they close: " + opens + "-" + closes);
            }
        }

        public boolean includes(DayOfWeek day) {
            return days.contains(day);
        }
    }

    public record Insurance(List<String> planTypes, boolean memberPlans, boolean prescriptionNeeded) {

        public Insurance {
            planTypes = planTypes == null ? List.of() : List.copyOf(planTypes);
        }
    }

    /**
     * The billing provider as claims name it: legal name, billing NPI (Type 2 for a clinic entity), federal tax id
     * (EIN), NUCC taxonomy, the address claims carry (ZIP+4), and the clearinghouse that receives the 837P files.
     * {@code serviceCodes} maps a service id to the CPT code it is billed under (services not listed are not
     * billed to insurance); {@code renderingProviders} maps a therapist's staff e-mail to their own NPI.
     * {@code massageWithManualTherapy}: whether one claim may carry 97124 and 97140 together (off by default).
     */
    public record Billing(
            @NotBlank String legalName,
            @NotBlank @Pattern(regexp = "[0-9]{10}") String npi,

            @NotBlank @Pattern(regexp = "[0-9]{2}-?[0-9]{7}")
            String taxId,

            @NotBlank String taxonomy,
            @NotNull @Valid Address address,
            @NotBlank String contactName,
            @NotBlank String submitterId,
            @NotBlank String receiverName,
            @NotBlank String receiverId,
            boolean massageWithManualTherapy,
            Map<String, String> serviceCodes,
            Map<String, String> renderingProviders) {

        public Billing {
            serviceCodes = serviceCodes == null ? Map.of() : Map.copyOf(serviceCodes);
            renderingProviders = renderingProviders == null ? Map.of() : Map.copyOf(renderingProviders);
        }

        /** The tax id without its dash, as claims carry it. */
        public String taxIdDigits() {
            return taxId.replace("-", "");
        }
    }

    public record ServiceAreaCity(
            @NotBlank String city, @NotEmpty List<@Pattern(regexp = "[0-9]{5}") String> zips) {

        public ServiceAreaCity {
            zips = List.copyOf(zips);
        }
    }

    /**
     * A service on the menu. Names and summaries are given per language in the profile because they are the clinic's
     * own words; {@code prices} maps a session length in minutes to its list price in US dollars.
     */
    public record Service(
            @NotBlank String id,
            boolean focus,
            @NotEmpty Map<String, String> names,
            Map<String, String> summaries,
            @NotEmpty Map<Integer, BigDecimal> prices) {

        public Service {
            names = Map.copyOf(names);
            summaries = summaries == null ? Map.of() : Map.copyOf(summaries);
            prices = new TreeMap<>(prices);
        }

        public String name(Locale locale) {
            return pick(names, locale);
        }

        public String summary(Locale locale) {
            return pick(summaries, locale);
        }

        /** Prices by session length, shortest first. */
        public SortedMap<Integer, BigDecimal> pricesByLength() {
            return (SortedMap<Integer, BigDecimal>) prices;
        }
    }

    public boolean speaks(Locale locale) {
        return languages.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    static String pick(Map<String, String> texts, Locale locale) {
        return Objects.requireNonNullElseGet(
                texts.get(locale.getLanguage()),
                () -> texts.getOrDefault(
                        "en", texts.values().stream().findFirst().orElse("")));
    }
}
