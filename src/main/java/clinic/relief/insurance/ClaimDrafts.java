package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Quotes;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Drafts the claim for a completed appointment: the coverage in force on the date, the prescription valid then
 * (its diagnoses become the claim's), one line for the service's CPT code with units by the 8-minute rule, and the
 * visit counted against the plan year and the authorization. Drafting twice returns the first draft.
 */
@Component
class ClaimDrafts {

    private final AppointmentBook appointments;
    private final CoverageStore coverages;
    private final PrescriptionStore prescriptions;
    private final ClaimStore claims;
    private final BillingProvider provider;
    private final Quotes quotes;
    private final Clock clock;
    private final ZoneId zone;

    ClaimDrafts(
            AppointmentBook appointments,
            CoverageStore coverages,
            PrescriptionStore prescriptions,
            ClaimStore claims,
            BillingProvider provider,
            Quotes quotes,
            Clock clock,
            ClinicProfile clinic) {
        this.zone = clinic.zone();
        this.appointments = appointments;
        this.coverages = coverages;
        this.prescriptions = prescriptions;
        this.claims = claims;
        this.provider = provider;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** Call inside a transaction. */
    Claim draft(UUID appointmentId) {
        var billing = provider.required();
        AppointmentView visit = appointments.get(appointmentId);
        if (visit.status() != AppointmentStatus.COMPLETED) {
            throw new AppointmentNotCompleted(appointmentId, visit.status().name());
        }
        if (quotes.freeFollowUp(appointmentId)) {
            throw new FreeFollowUpNotBilled(appointmentId);
        }
        LocalDate date = visit.start().atZone(zone).toLocalDate();
        UUID patientId = visit.patient().id();
        Cpt code = provider.codeFor(visit.service().id())
                .orElseThrow(() -> new NotBilledToInsurance(visit.service().id()));
        Coverage coverage = coverages.activeOn(patientId, date).orElseThrow(() -> new NoCoverage(patientId, date));
        Optional<Prescription> prescription = prescriptions.ofPatient(patientId).stream()
                .filter(p -> p.validOn(date))
                .findFirst();
        List<Icd10> diagnoses = prescription.map(Prescription::diagnoses).orElse(List.of());
        Money charge = appointments.listPrice(appointmentId);
        Claim.Facts facts = new Claim.Facts(
                appointmentId,
                patientId,
                coverage.id(),
                prescription.map(Prescription::id).orElse(null),
                visit.therapist().id(),
                visit.service().id(),
                date,
                clock.instant());
        UUID id = UUID.randomUUID();
        Optional<Long> number = claims.insert(id, facts, diagnoses, charge);
        if (number.isEmpty()) {
            return claims.ofPatient(patientId).stream()
                    .filter(c -> c.facts().appointmentId().equals(appointmentId))
                    .findFirst()
                    .orElseThrow();
        }
        Map<Cpt, Integer> minutes = new LinkedHashMap<>();
        minutes.put(code, visit.minutes());
        Claim claim = new Claim(
                id,
                number.get(),
                facts,
                ClaimState.DRAFT,
                ClaimLines.build(minutes, charge, diagnoses.size(), billing.massageWithManualTherapy()),
                diagnoses,
                Money.ZERO,
                Money.ZERO,
                null);
        claims.update(claim);
        boolean authorized =
                coverage.authorization() != null && coverage.authorization().covers(date);
        coverages.countVisit(coverage.id(), authorized);
        return claim;
    }

    /**
     * Whether a completed visit should get a claim by itself: billing set up, service billed, coverage on file, and
     * not a free follow-up.
     */
    boolean claimable(UUID appointmentId, UUID patientId, String serviceId, LocalDate date) {
        return provider.billing().isPresent()
                && provider.codeFor(serviceId).isPresent()
                && coverages.activeOn(patientId, date).isPresent()
                && !quotes.freeFollowUp(appointmentId);
    }
}
