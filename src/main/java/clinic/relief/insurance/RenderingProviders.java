package clinic.relief.insurance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import clinic.relief.staff.StaffRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Therapists as rendering providers on claims. What the owner entered (legal names, credential, NPI, taxonomy) comes
 * first; for a therapist without it the names are read from the display name ("James Okafor, CMT"), the NPI from the
 * clinic profile's {@code rendering-providers} and the taxonomy is the clinic's.
 */
@Service
class RenderingProviders {

    private final RenderingProviderStore store;
    private final BillingProvider provider;
    private final Staff staff;
    private final Clock clock;

    RenderingProviders(RenderingProviderStore store, BillingProvider provider, Staff staff, Clock clock) {
        this.store = store;
        this.provider = provider;
        this.staff = staff;
        this.clock = clock;
    }

    /** Every active therapist with their claim identity, by name. */
    @Transactional(readOnly = true)
    public List<Row> therapists() {
        return staff.therapists().stream()
                .map(t -> new Row(t, of(t), store.find(t.id()).isPresent()))
                .toList();
    }

    /** A therapist on the owner's list: the account, how claims name them, and whether the owner entered it. */
    record Row(StaffMember therapist, ClaimPacket.Rendering rendering, boolean entered) {}

    @Transactional(readOnly = true)
    public StaffMember therapist(UUID id) {
        return staff.find(id).filter(m -> m.role() == StaffRole.THERAPIST).orElseThrow(() -> new UnknownTherapist(id));
    }

    /** The form for a therapist: what the owner entered, or what claims use now. */
    @Transactional(readOnly = true)
    public RenderingProviderForm form(UUID therapistId) {
        return RenderingProviderForm.of(of(therapist(therapistId)));
    }

    @Transactional
    public void save(UUID therapistId, RenderingProviderForm form, String by) {
        therapist(therapistId);
        store.save(form.provider(therapistId), by, clock.instant());
    }

    /** How claims name the therapist who gave a session. */
    ClaimPacket.Rendering of(StaffMember therapist) {
        String clinicTaxonomy = provider.billing().map(b -> b.taxonomy()).orElse("");
        Optional<RenderingProvider> entered = store.find(therapist.id());
        if (entered.isPresent()) {
            RenderingProvider p = entered.get();
            return new ClaimPacket.Rendering(
                    p.firstName(),
                    p.lastName(),
                    p.npi().orElse(null),
                    therapist.licenseNumber(),
                    p.credential(),
                    p.taxonomy().orElse(clinicTaxonomy));
        }
        return ClaimPacket.Rendering.of(
                therapist.displayName(),
                provider.renderingNpi(therapist.email()).orElse(null),
                therapist.licenseNumber(),
                clinicTaxonomy);
    }
}
