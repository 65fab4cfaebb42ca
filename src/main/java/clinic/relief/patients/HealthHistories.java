package clinic.relief.patients;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.AuditEntry;
import clinic.relief.audit.ClinicalAudit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff access to intakes, with the read rule in one place. The health history (conditions, medications, pregnancy,
 * allergies, recent surgery) is for the owner and for a therapist who has or had an appointment with the patient;
 * the front desk learns only whether an intake is on file. Every read of a health history is written to the
 * clinical audit trail in the same transaction; a refused read writes nothing. Uses the signed-in user of the
 * current thread. Thread-safe.
 */
@Service
public class HealthHistories {

    static final String RECORD_KIND = "intake";
    private static final int TRAIL_LENGTH = 200;

    private final IntakeStore intakes;
    private final IntakeFormStore forms;
    private final CareTeam careTeam;
    private final ClinicalAudit audit;

    HealthHistories(IntakeStore intakes, IntakeFormStore forms, CareTeam careTeam, ClinicalAudit audit) {
        this.intakes = intakes;
        this.forms = forms;
        this.careTeam = careTeam;
        this.audit = audit;
    }

    /**
     * When the latest intake was given, if any: the answers at booking or a signed intake form, whichever is newer (a
     * patient who signed the form the desk sent is no longer "intake missing"). No health data, so any staff member
     * may ask.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> onFileSince(UUID patientId) {
        return Stream.of(intakes.latest(patientId).map(RecordedIntake::consentedAt), forms.latestSignedAt(patientId))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** Whether the signed-in user may read this patient's health history. */
    public boolean mayRead(UUID patientId) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            return false;
        }
        Set<String> roles = AuthorityUtils.authorityListToSet(who.getAuthorities());
        return roles.contains("ROLE_OWNER")
                || roles.contains("ROLE_THERAPIST") && careTeam.treats(who.getName(), patientId);
    }

    /**
     * The current answers of the health history (every version added up), recorded in the audit trail as a read.
     *
     * @throws HealthHistoryRefused when {@link #mayRead} is false (nothing is recorded then)
     */
    @Transactional
    public Optional<RecordedIntake> read(UUID patientId) {
        if (!mayRead(patientId)) {
            throw new HealthHistoryRefused(patientId);
        }
        Optional<UUID> id = intakes.latestId(patientId);
        id.ifPresent(intake -> audit.record(AuditAction.READ, RECORD_KIND, intake, patientId));
        return id.flatMap(intake -> intakes.latest(patientId));
    }

    /**
     * The health history with every version (who gave it, when, what it changed), recorded in the audit trail as a
     * read of the latest intake.
     *
     * @throws HealthHistoryRefused when {@link #mayRead} is false (nothing is recorded then)
     */
    @Transactional
    public Optional<IntakeHistory> readWithVersions(UUID patientId) {
        if (!mayRead(patientId)) {
            throw new HealthHistoryRefused(patientId);
        }
        Optional<UUID> id = intakes.latestId(patientId);
        id.ifPresent(intake -> audit.record(AuditAction.READ, RECORD_KIND, intake, patientId));
        return intakes.history(patientId);
    }

    /** Who read or changed this patient's clinical records, newest first: for the owner only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> trail(UUID patientId) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null
                || !AuthorityUtils.authorityListToSet(who.getAuthorities()).contains("ROLE_OWNER")) {
            throw new HealthHistoryRefused(patientId);
        }
        return audit.trailOfPatient(patientId, TRAIL_LENGTH);
    }
}
