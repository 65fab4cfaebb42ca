package clinic.relief.insurance;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.cms1500.Cms1500;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The clinic profile's billing identity with its NPIs checked at start-up (a wrong check digit stops the app, as
 * any other broken profile field does, and so does the placeholder EIN outside the demo and test profiles, and a
 * billing provider name a claim would cut). A clinic without a billing section bills no insurer: {@link #billing()}
 * is empty and no claim is drafted.
 */
@Component
class BillingProvider {

    /** A post office box or lock box in the street line (2010AA N301 must be where the clinic is). */
    private static final Pattern BOX =
            Pattern.compile("\\b(P\\.? ?O\\.? ?BOX|POST OFFICE BOX|LOCK ?BOX)\\b", Pattern.CASE_INSENSITIVE);

    /** The most an 837P's NM103 (last or organization name) holds. */
    private static final int LEGAL_NAME_MAX = 60;

    private final ClinicProfile.Billing billing;

    BillingProvider(ClinicProfile clinic, Environment environment) {
        this.billing = clinic.billing();
        if (billing != null) {
            checkTaxId(billing, environment);
            checkAddressAndTaxonomy(billing);
            checkNames(billing);
            new Npi(billing.npi());
            billing.renderingProviders().values().forEach(Npi::new);
            billing.serviceCodes().values().forEach(Cpt::of);
        }
    }

    /**
     * Refuses the profile's placeholder EIN (00-0000000; no EIN starts with 00) outside the demo and test profiles, so
     * that a clinic never goes live billing under it.
     */
    static void checkTaxId(ClinicProfile.Billing billing, Environment environment) {
        if (billing.taxIdDigits().startsWith("00") && !environment.acceptsProfiles(Profiles.of("demo | test"))) {
            throw new IllegalStateException("relief.clinic.billing.tax-id: " + billing.taxId()
                    + " is the profile's placeholder, not an EIN; enter the clinic's own before going live");
        }
    }

    /**
     * Refuses what a clearinghouse rejects in the billing provider's loop (2010AA) of every 837P: a ZIP code without
     * its four-digit extension (N403 must be nine digits), a post office box or lock box as the street (N301; those go
     * in a pay-to address), and a taxonomy code that is not one (PRV03: three digits, six letters or digits, X).
     */
    static void checkAddressAndTaxonomy(ClinicProfile.Billing billing) {
        ClinicProfile.Address address = billing.address();
        if (!address.postalCode().strip().matches("[0-9]{5}-?[0-9]{4}")) {
            throw new IllegalStateException("relief.clinic.billing.address.postal-code: " + address.postalCode()
                    + " has no ZIP+4; the 837P's billing provider address needs all nine digits (e.g. 90277-1234)");
        }
        if (BOX.matcher(address.street()).find()) {
            throw new IllegalStateException("relief.clinic.billing.address.street: " + address.street()
                    + " is a post office or lock box; the billing provider's address must be the clinic's street"
                    + " address");
        }
        if (!billing.taxonomy().strip().matches("[0-9]{3}[0-9A-Z]{6}X")) {
            throw new IllegalStateException("relief.clinic.billing.taxonomy: " + billing.taxonomy()
                    + " is not a NUCC taxonomy code (e.g. 225700000X, massage therapist)");
        }
    }

    /**
     * Refuses a billing provider name that a claim would cut: a legal name longer than the 837P's NM103 (60), and a
     * name for the paper CMS-1500 longer than its boxes 32 and 33 take (26 columns, the narrower box). A legal name
     * that does not fit the form needs a form name (the name the clinic is known by to its payers) rather than being
     * cut at the box's edge or abbreviated by a guess the payer may not match; the 837P keeps the legal name.
     */
    static void checkNames(ClinicProfile.Billing billing) {
        if (X12Segments.text(billing.legalName()).length() > LEGAL_NAME_MAX) {
            throw new IllegalStateException("relief.clinic.billing.legal-name: " + billing.legalName() + " has more"
                    + " than " + LEGAL_NAME_MAX + " characters, all an 837P's billing provider name (NM103) holds");
        }
        String printed = Cms1500.providerName(billing);
        if (printed.length() > Cms1500.PROVIDER_NAME_COLUMNS) {
            String property = billing.formName().isEmpty()
                    ? "relief.clinic.billing.legal-name"
                    : "relief.clinic.billing.form-name";
            throw new IllegalStateException(property + ": " + printed + " has " + printed.length()
                    + " characters; boxes 32 and 33 of the paper CMS-1500 print " + Cms1500.PROVIDER_NAME_COLUMNS
                    + ". Set relief.clinic.billing.form-name to the name the clinic's payers know it by, at most "
                    + Cms1500.PROVIDER_NAME_COLUMNS + " characters (e.g. without \"Therapeutic\" or with \"&\" for"
                    + " \"and\"); the 837P keeps the legal name");
        }
    }

    Optional<ClinicProfile.Billing> billing() {
        return Optional.ofNullable(billing);
    }

    ClinicProfile.Billing required() {
        return billing().orElseThrow(NoInsuranceBilling::new);
    }

    /** The CPT code the service is billed under, if it is billed to insurance at all. */
    Optional<Cpt> codeFor(String serviceId) {
        return billing()
                .map(ClinicProfile.Billing::serviceCodes)
                .map(codes -> codes.get(serviceId))
                .map(Cpt::of);
    }

    /**
     * The therapist's own NPI, if the profile lists one for their e-mail. Keys are compared by their letters and
     * digits alone: Spring drops '@' (and '.') from a map key that is not written in brackets, so
     * {@code maria@clinic.com: "..."} arrives as {@code mariacliniccom} and still matches.
     */
    Optional<Npi> renderingNpi(String email) {
        return npiFor(billing().map(ClinicProfile.Billing::renderingProviders).orElse(Map.of()), email);
    }

    static Optional<Npi> npiFor(Map<String, String> npis, String email) {
        String wanted = keyOf(email);
        return npis.entrySet().stream()
                .filter(e -> keyOf(e.getKey()).equals(wanted))
                .findFirst()
                .map(e -> new Npi(e.getValue()));
    }

    private static String keyOf(String email) {
        return email == null ? "" : email.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
