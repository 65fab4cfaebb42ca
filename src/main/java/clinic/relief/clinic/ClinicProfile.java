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
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The clinic profile: the file {@code clinic.yml} ({@code relief.clinic.*}, validated at start-up by
 * {@link ClinicProfileFile}) with the details the owner edits at run time ({@link ClinicSettings}: names, phone, the
 * contact e-mail shown to patients, the address lines) read from the database. Every accessor answers the value that
 * holds now, so the pages, letters and texts that read {@code phone()} or {@code address()} show an edit without
 * being told. Thread-safe.
 *
 * <p>{@code reliefGuarantee} says whether the clinic promises relief (the public site then presents its guarantee).
 * {@code billing} is the billing provider's identity for insurance claims; a clinic that bills no insurer leaves it
 * out (null).
 */
public final class ClinicProfile {

    private final ClinicProfileFile file;
    private final Supplier<ClinicDetails> details;

    ClinicProfile(ClinicProfileFile file, Supplier<ClinicDetails> details) {
        this.file = file;
        this.details = details;
    }

    /** The profile as the file alone says it, without edits (tests and tools that read a profile file). */
    public static ClinicProfile of(ClinicProfileFile file) {
        ClinicDetails fixed = ClinicDetails.of(file);
        return new ClinicProfile(file, () -> fixed);
    }

    public String name() {
        return details.get().name();
    }

    public String shortName() {
        return details.get().shortName();
    }

    /** The second line of the brand ("Back &amp; Neck Relief Center"); empty when the clinic has none. */
    public String centerName() {
        return details.get().centerName();
    }

    /** The public phone number in E.164 ({@code +13105550142}). */
    public String phone() {
        return details.get().phone();
    }

    /** The public phone number as people write it ({@code (310) 555-0142}). */
    public String phoneDisplay() {
        return details.get().phoneDisplay();
    }

    /**
     * The address e-mail is sent from (the file's {@code email}): a deliverability setting (the mail server and the
     * domain's SPF/DKIM records must allow it), so it changes with the file, not on a page. May be null.
     */
    public @Nullable String email() {
        return file.email();
    }

    /** The e-mail address patients are told to write to (empty when the clinic shows none); replies go there. */
    public String contactEmail() {
        return details.get().contactEmail();
    }

    /** The clinic's address as pages and letters show it; the country is the file's. */
    public Address address() {
        return details.get().address(file.address().country());
    }

    public ZoneId zone() {
        return file.zone();
    }

    public List<Locale> languages() {
        return file.languages();
    }

    public List<OpeningHours> hours() {
        return file.hours();
    }

    public Insurance insurance() {
        return file.insurance();
    }

    public List<ServiceAreaCity> serviceArea() {
        return file.serviceArea();
    }

    /** The services menu as the file gives it: only seeds {@link ServiceCatalogue}, which every module reads. */
    public List<Service> services() {
        return file.services();
    }

    public boolean reliefGuarantee() {
        return file.reliefGuarantee();
    }

    public @Nullable Billing billing() {
        return file.billing();
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
     * {@code formName}: the name the paper CMS-1500 prints in boxes 32 and 33 (26 and 29 columns) when the legal name
     * does not fit them, as the clinic is known to its payers; empty prints the legal name. The 837P always carries
     * the legal name.
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
            Map<String, String> renderingProviders,
            String formName) {

        public Billing {
            formName = formName == null ? "" : formName.strip();
            serviceCodes = serviceCodes == null ? Map.of() : Map.copyOf(serviceCodes);
            renderingProviders = renderingProviders == null ? Map.of() : Map.copyOf(renderingProviders);
        }

        /** The name the paper CMS-1500 prints: the form name when the profile gives one, else the legal name. */
        public String formNameOrLegalName() {
            return formName.isEmpty() ? legalName : formName;
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
        return file.languages().stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    static String pick(Map<String, String> texts, Locale locale) {
        return Objects.requireNonNullElseGet(
                texts.get(locale.getLanguage()),
                () -> texts.getOrDefault(
                        "en", texts.values().stream().findFirst().orElse("")));
    }
}
