package clinic.relief.insurance;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Component;

/**
 * The clinic profile's billing identity with its NPIs checked at start-up (a wrong check digit stops the app, as
 * any other broken profile field does). A clinic without a billing section bills no insurer: {@link #billing()}
 * is empty and no claim is drafted.
 */
@Component
class BillingProvider {

    private final ClinicProfile.Billing billing;

    BillingProvider(ClinicProfile clinic) {
        this.billing = clinic.billing();
        if (billing != null) {
            new Npi(billing.npi());
            billing.renderingProviders().values().forEach(Npi::new);
            billing.serviceCodes().values().forEach(Cpt::of);
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
        Map<String, String> npis =
                billing().map(ClinicProfile.Billing::renderingProviders).orElse(Map.of());
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
