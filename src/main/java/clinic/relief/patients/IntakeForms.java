package clinic.relief.patients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake forms by link: the desk sends one at any time (and one goes out before a first visit), the patient fills it
 * in without signing in and signs it with their typed name; the time, address and SHA-256 of exactly what was signed
 * are kept with a PDF copy, which is also e-mailed. Returning patients get their last answers filled in to review.
 * Staff reads follow {@link HealthHistories}: the owner and the patient's therapists read every answer, the front
 * desk only the contact and emergency answers; each read is written to the clinical audit trail. Thread-safe.
 */
@Service
public class IntakeForms {

    static final String RECORD_KIND = "intake-form";

    private final IntakeFormStore store;
    private final PatientStore patients;
    private final IntakeStore earlierIntakes;
    private final HealthHistories histories;
    private final ClinicalAudit audit;
    private final IntakeFormMail mail;
    private final IntakeCopies copies;
    private final ClinicProfile clinic;
    private final Clock clock;
    private final Duration linkLasts;
    private final ConsentDocuments consentDocuments;

    IntakeForms(
            IntakeFormStore store,
            PatientStore patients,
            IntakeStore earlierIntakes,
            HealthHistories histories,
            ClinicalAudit audit,
            IntakeFormMail mail,
            IntakeCopies copies,
            ClinicProfile clinic,
            Clock clock,
            @Value("${relief.intake.link-lasts:P7D}") Duration linkLasts,
            ConsentDocuments consentDocuments) {
        this.store = store;
        this.patients = patients;
        this.earlierIntakes = earlierIntakes;
        this.histories = histories;
        this.audit = audit;
        this.mail = mail;
        this.copies = copies;
        this.clinic = clinic;
        this.clock = clock;
        this.linkLasts = linkLasts;
        this.consentDocuments = consentDocuments;
    }

    /** Where a patient's intake stands, with no health data: when the last form was signed and the last link sent. */
    public record Status(Optional<Instant> signedAt, Optional<Instant> lastSent) {}

    @Transactional(readOnly = true)
    public Status status(UUID patientId) {
        return new Status(store.latestSignature(patientId).map(SignedIntake::signedAt), store.lastSent(patientId));
    }

    /**
     * E-mails the patient a new link to the form (earlier open links stop working), valid for
     * {@code relief.intake.link-lasts}; false, and nothing sent, when the patient has no e-mail address.
     *
     * @param sentBy the staff member's sign-in name, or what sent it (for example {@code first-booking})
     */
    @Transactional
    public boolean send(UUID patientId, String sentBy, Optional<UUID> appointmentId) {
        Patient patient = patients.find(patientId).orElseThrow(() -> new UnknownPatient(patientId));
        if (patient.email() == null || patient.email().isBlank()) {
            return false;
        }
        Instant now = clock.instant();
        store.expireOpenLinks(patientId, now);
        VerificationToken token = VerificationToken.random();
        store.insertLink(
                UUID.randomUUID(),
                patientId,
                token.hash(),
                appointmentId.orElse(null),
                sentBy,
                now,
                now.plus(linkLasts));
        mail.link(patient, token.value(), linkLasts);
        return true;
    }

    /** Sends the link for a patient's first visit, unless they signed a form already or have a link still open. */
    @Transactional
    public boolean sendBeforeFirstVisit(UUID patientId, UUID appointmentId) {
        if (store.latestSignature(patientId).isPresent() || store.hasOpenLink(patientId, clock.instant())) {
            return false;
        }
        return send(patientId, "first-booking", Optional.of(appointmentId));
    }

    /**
     * The form behind a link, in {@code locale}'s language (English or Spanish).
     *
     * @throws BadLink when the link is unknown (or tampered with), used, or expired
     */
    @Transactional(readOnly = true)
    public IntakeForm open(String token, Locale locale) {
        IntakeFormStore.LinkRow link = usable(token, false);
        return form(patients.find(link.patientId()).orElseThrow(), language(locale));
    }

    /**
     * Signs the form behind a link: checks that the form is still the one shown and every answer, then stores the
     * answers as shown, the signature and its PDF copy, spends the link and e-mails the copy, all or nothing.
     *
     * @throws BadLink when the link is unknown, used or expired
     * @throws IntakeFormChanged when the questions or documents changed since the form was shown
     * @throws IntakeIncomplete when required answers are missing or answers are not valid
     */
    @Transactional
    public SignedIntake sign(String token, IntakeSubmission submission, String ip, Locale locale) {
        IntakeFormStore.LinkRow link = usable(token, true);
        Patient patient = patients.find(link.patientId()).orElseThrow();
        IntakeForm form = form(patient, language(locale));
        if (!form.shownHash().equals(submission.shownHash())) {
            throw new IntakeFormChanged();
        }
        Map<String, String> problems = IntakeAnswerRules.problems(form.questions(), submission, today());
        if (!problems.isEmpty()) {
            throw new IntakeIncomplete(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> answers = new LinkedHashMap<>();
        form.questions()
                .forEach(q -> answers.put(
                        q.id(), submission.answers().getOrDefault(q.id(), "").strip()));
        List<SignedIntake.SignedDocument> documents = signedDocuments(form.documents());
        String name = submission.signedName().strip();
        String sha = CanonicalIntake.sha256(
                CanonicalIntake.signed(form.language(), form.questions(), documents, answers, name, now));
        SignedIntake signed = new SignedIntake(
                UUID.randomUUID(),
                patient.id(),
                now,
                name,
                ip.length() > 64 ? ip.substring(0, 64) : ip,
                form.language(),
                sha,
                form.questions().stream()
                        .map(q -> new SignedIntake.Answer(q, answers.get(q.id())))
                        .toList(),
                documents);
        byte[] pdf = copies.pdf(signed, patient, form.documents());
        store.insertSignature(signed, link.id(), pdf);
        store.markUsed(link.id(), now);
        // Claims need the patient's date of birth and sex: the signed answers are the patient's own word for both.
        patients.recordDemographics(patient.id(), birthDate(answers.get("birth_date")), sex(answers.get("sex")));
        if (patient.email() != null && !patient.email().isBlank()) {
            mail.copy(patient, pdf);
        }
        return signed;
    }

    /** A consent or policy document by kind and version, in {@code locale}'s language: public text. */
    @Transactional(readOnly = true)
    public Optional<IntakeDocument> document(String kind, String version, Locale locale) {
        return store.document(kind, version, language(locale));
    }

    /**
     * The newest version of each consent and policy document in effect today, in {@code locale}'s language: public
     * text, linked from every form that asks the patient to agree to them.
     */
    @Transactional(readOnly = true)
    public List<IntakeDocument> documentsInEffect(Locale locale) {
        return store.documentsInEffect(today(), language(locale));
    }

    /**
     * The versions of the consent and privacy documents in effect today ({@link #documentsInEffect}), which a form
     * that links them records; the configured {@code relief.patients.*-version} for a kind with no document in effect.
     */
    @Transactional(readOnly = true)
    public ConsentVersions consentVersionsInEffect() {
        return consentDocuments.versionsInEffect();
    }

    /**
     * The patient's latest signed form as the signed-in staff member may read it (every answer for the owner and the
     * patient's therapists, the contact and emergency answers for the front desk), written to the audit trail.
     *
     * @throws HealthHistoryRefused for anyone else (nothing is recorded then)
     */
    @Transactional
    public Optional<SignedIntake> read(UUID patientId) {
        boolean full = histories.mayRead(patientId);
        if (!full && !hasRole("ROLE_FRONT_DESK")) {
            throw new HealthHistoryRefused(patientId);
        }
        Optional<SignedIntake> signed = store.latestSignature(patientId);
        signed.ifPresent(s -> audit.record(AuditAction.READ, RECORD_KIND, s.id(), patientId));
        return full ? signed : signed.map(SignedIntake::withoutHealthAnswers);
    }

    /**
     * The answers of the latest signed form that the therapist must see (contraindications answered yes, medications,
     * allergies), written to the audit trail; empty for whoever may not read health data.
     */
    @Transactional
    public List<SignedIntake.Answer> alerts(UUID patientId) {
        if (!histories.mayRead(patientId)) {
            return List.of();
        }
        Optional<SignedIntake> signed = store.latestSignature(patientId);
        signed.ifPresent(s -> audit.record(AuditAction.READ, RECORD_KIND, s.id(), patientId));
        return signed.map(SignedIntake::alerts).orElse(List.of());
    }

    /**
     * The PDF copy of the latest signed form, for the owner and the patient's therapists, recorded as an export.
     *
     * @throws HealthHistoryRefused for anyone else
     */
    @Transactional
    public Optional<byte[]> pdf(UUID patientId) {
        if (!histories.mayRead(patientId)) {
            throw new HealthHistoryRefused(patientId);
        }
        Optional<SignedIntake> signed = store.latestSignature(patientId);
        signed.ifPresent(s -> audit.record(AuditAction.EXPORT, RECORD_KIND, s.id(), patientId));
        return signed.flatMap(s -> store.pdf(s.id()));
    }

    /** Whether the stored SHA-256 of a signed form matches the hash recomputed from its stored rows. */
    @Transactional(readOnly = true)
    public boolean intact(UUID signatureId) {
        return store.signature(signatureId)
                .map(s -> s.sha256()
                        .equals(CanonicalIntake.sha256(CanonicalIntake.signed(
                                s.language(),
                                s.answers().stream()
                                        .map(SignedIntake.Answer::question)
                                        .toList(),
                                s.documents(),
                                IntakeFormStore.answersById(s),
                                s.signedName(),
                                s.signedAt()))))
                .orElse(false);
    }

    private IntakeFormStore.LinkRow usable(String token, boolean lock) {
        IntakeFormStore.LinkRow link =
                store.link(VerificationToken.hash(token), lock).orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
        BadLink.requireUsable(link.usedAt(), link.expiresAt(), clock.instant());
        return link;
    }

    private IntakeForm form(Patient patient, String language) {
        List<IntakeQuestion> questions = store.questions(language);
        List<IntakeDocument> documents = store.documentsInEffect(today(), language);
        String shown = CanonicalIntake.sha256(CanonicalIntake.shown(language, questions, signedDocuments(documents)));
        Optional<SignedIntake> last = store.latestSignature(patient.id());
        Map<String, String> answers = last.map(IntakeFormStore::answersById).orElseGet(() -> fromRecord(patient));
        return new IntakeForm(patient.firstName(), language, questions, documents, answers, shown, last.isPresent());
    }

    /** A first form starts from what the clinic knows: contact details and an earlier booking's health answers. */
    private Map<String, String> fromRecord(Patient patient) {
        Map<String, String> known = new LinkedHashMap<>();
        put(known, "phone", patient.phone());
        put(known, "email", patient.email());
        put(
                known,
                "birth_date",
                patient.dateOfBirth() == null ? null : patient.dateOfBirth().toString());
        earlierIntakes.latest(patient.id()).map(RecordedIntake::answers).ifPresent(earlier -> {
            put(known, "medications", earlier.medications());
            put(known, "allergies", earlier.allergies());
            if (earlier.pregnant()) {
                known.put("pregnancy", "yes");
            }
        });
        return known;
    }

    private static @Nullable LocalDate birthDate(@Nullable String answer) {
        return answer == null || answer.isBlank() ? null : LocalDate.parse(answer);
    }

    private static @Nullable Sex sex(@Nullable String answer) {
        return answer == null || answer.isBlank() ? null : Sex.ofCode(answer);
    }

    private static void put(Map<String, String> answers, String id, String value) {
        if (value != null && !value.isBlank()) {
            answers.put(id, value);
        }
    }

    private static List<SignedIntake.SignedDocument> signedDocuments(List<IntakeDocument> documents) {
        return documents.stream()
                .map(d -> new SignedIntake.SignedDocument(d.kind(), d.version()))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clinic.zone());
    }

    static String language(Locale locale) {
        return "es".equals(locale.getLanguage()) ? "es" : "en";
    }

    private static boolean hasRole(String role) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null
                && who.isAuthenticated()
                && AuthorityUtils.authorityListToSet(who.getAuthorities()).contains(role);
    }
}
