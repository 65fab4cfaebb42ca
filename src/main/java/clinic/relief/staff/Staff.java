package clinic.relief.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff directory: accounts for sign-in and the therapists the public site lists. */
@Service
public class Staff {

    private final StaffStore store;
    private final PasswordEncoder passwordEncoder;

    Staff(StaffStore store, PasswordEncoder passwordEncoder) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
    }

    /** Active therapists who chose to appear on the public site, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> listedTherapists() {
        return store.listedTherapists();
    }

    /** Every active therapist, listed on the public site or not, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> therapists() {
        return store.therapists();
    }

    /** Every active owner account (who is told of what only the owner decides, such as a card dispute). */
    @Transactional(readOnly = true)
    public List<StaffMember> owners() {
        return store.owners();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> findByEmail(String email) {
        return store.findByEmail(email);
    }

    /**
     * Sets the languages (two-letter codes) a therapist works in and their specialties, as patients choosing a
     * therapist see them.
     */
    @Transactional
    public void describe(UUID id, List<String> languages, String specialtiesEn, String specialtiesEs) {
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.matches("[a-z]{2}"))) {
            throw new IllegalArgumentException("Languages are two-letter codes, at least one: " + languages);
        }
        store.describe(id, String.join(",", languages), specialtiesEn, specialtiesEs);
    }

    /**
     * Writes the owner's edit of a therapist's public profile, if nobody changed it since {@code version} (the
     * {@link StaffMember#profileVersion()} the editor started from).
     *
     * @throws UnknownStaffMember when no therapist has this id
     * @throws ProfileChangedMeanwhile when the profile moved past {@code version}; nothing is changed
     */
    @Transactional
    public void editProfile(UUID id, int version, ProfileEdit edit) {
        store.find(id).filter(m -> m.role() == StaffRole.THERAPIST).orElseThrow(() -> new UnknownStaffMember(id));
        if (!store.editProfile(id, version, edit)) {
            throw new ProfileChangedMeanwhile(id, version);
        }
    }

    /**
     * Creates the account, or, when one with this email exists, brings it in line with {@code member} (used by the
     * demo data, which runs at every start).
     */
    @Transactional
    public StaffMember createOrUpdate(NewStaffMember member) {
        UUID id = findByEmail(member.email()).map(StaffMember::id).orElseGet(UUID::randomUUID);
        store.upsert(id, member, passwordEncoder.encode(member.rawPassword()));
        return findByEmail(member.email()).orElseThrow();
    }
}
