package clinic.relief.patients;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient directory: search as the front desk types, find-or-create, and the intake. Callers check roles; this
 * class never logs what a patient wrote.
 */
@Service
public class Patients {

    /** Who gave an intake with an online booking that was confirmed by e-mailed link rather than signed in. */
    static final String ONLINE_BOOKING = "online-booking";

    private final PatientStore store;
    private final Clock clock;
    private final IntakeStore intakes;
    private final PlaceholderStore placeholders;
    private final ConsentDocuments documents;

    Patients(
            PatientStore store,
            Clock clock,
            IntakeStore intakes,
            PlaceholderStore placeholders,
            ConsentDocuments documents) {
        this.store = store;
        this.clock = clock;
        this.intakes = intakes;
        this.placeholders = placeholders;
        this.documents = documents;
    }

    /**
     * Up to ten patients matching what was typed: digits match anywhere in the phone number, text with an {@code @}
     * matches the start of the email, other text the start of the first or last name ("ana m" = Ana M...).
     */
    @Transactional(readOnly = true)
    public List<Patient> search(String typed) {
        String query = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (query.length() < 2) {
            return List.of();
        }
        String digits = query.replaceAll("[^0-9]", "");
        if (query.matches("[0-9 ()+.-]+") && digits.length() >= 3) {
            return store.searchByPhone("%" + digits + "%");
        }
        if (query.contains("@")) {
            return store.searchByEmail(likePrefix(query));
        }
        String[] words = query.split("\\s+", 2);
        if (words.length == 2) {
            return store.searchByNames(likePrefix(words[0]), likePrefix(words[1]));
        }
        return store.searchByName(likePrefix(query));
    }

    @Transactional(readOnly = true)
    public Optional<Patient> find(UUID id) {
        return store.find(id);
    }

    /** The patient with this e-mail address (placeholders of unconfirmed bookings have none). */
    @Transactional(readOnly = true)
    public Optional<Patient> findByEmail(String email) {
        return store.findByEmail(email);
    }

    /** The patients with these ids by id, in one query (for a page listing many appointments). */
    @Transactional(readOnly = true)
    public Map<UUID, Patient> all(Collection<UUID> ids) {
        Map<UUID, Patient> found = new HashMap<>();
        store.findAll(ids.toArray(UUID[]::new)).forEach(patient -> found.put(patient.id(), patient));
        return found;
    }

    public Patient get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownPatient(id));
    }

    /** The patient with this email, or with this phone number and last name; otherwise a new one. */
    @Transactional
    public Patient findOrCreate(NewPatient form) {
        if (!form.reachable()) {
            throw new IllegalArgumentException("A patient needs a phone number or an email address");
        }
        return existing(form).orElseGet(() -> create(form));
    }

    /**
     * A placeholder for someone who booked online and has not confirmed their e-mail yet: what they typed (the
     * e-mail itself is left out) and their intake, kept apart from every existing patient. Search and
     * find-or-create never match it.
     */
    @Transactional
    public Patient createUnverified(NewPatient form, Intake intake) {
        return createUnverified(form, intake, documents.versionsInEffect());
    }

    /** As {@link #createUnverified(NewPatient, Intake)}, the intake stamped with the versions the form showed. */
    @Transactional
    public Patient createUnverified(NewPatient form, Intake intake, ConsentVersions agreed) {
        Patient placeholder = placeholders.create(form);
        intakes.record(placeholder.id(), intake, ONLINE_BOOKING, agreed);
        return placeholder;
    }

    /**
     * The e-mail of a placeholder's booking is now confirmed: the patient with that e-mail gets the placeholder's
     * intake (the placeholder then points to it), or, when there is none, the placeholder becomes that patient.
     */
    @Transactional
    public Patient confirmUnverified(UUID placeholderId, String confirmedEmail) {
        return get(placeholders.confirm(placeholderId, confirmedEmail));
    }

    /**
     * A placeholder's booking is paid (a visitor's deposit) but its address is not proven: paying proves a card, not
     * the address. A new address: the placeholder becomes that patient, with its intake. An address a patient already
     * has: the booking joins that patient, but the visitor's intake answers do not become that patient's health
     * history (whoever typed someone's address must not write their chart); they are deleted, and the patient gives
     * them on the intake form.
     */
    @Transactional
    public Patient confirmPaidUnverified(UUID placeholderId, String payerEmail) {
        return get(placeholders.confirm(placeholderId, payerEmail, false));
    }

    /** Forgets a placeholder that nothing refers to (its booking failed): it was never anyone's record. */
    @Transactional
    public void discardUnverified(UUID placeholderId) {
        placeholders.discard(placeholderId);
    }

    /**
     * Locks an unconfirmed placeholder (never merged into a record) until the caller's transaction ends, so no new
     * reference to it can be written meanwhile; false when {@code id} is not such a placeholder.
     */
    @Transactional
    public boolean lockUnverified(UUID id) {
        return placeholders.lock(id);
    }

    /**
     * A new patient for a confirmed e-mail address that no record has yet. Unlike {@link #findOrCreate}, it never
     * matches by phone and last name: a relative sharing both must not receive this person's account.
     */
    @Transactional
    public Patient createWithConfirmedEmail(NewPatient form) {
        placeholders.lockEmail(form.email());
        return findByEmail(form.email()).orElseGet(() -> create(form));
    }

    /**
     * Records an intake as a new version of the patient's health history, given by {@code givenBy} (the patient's
     * account e-mail), stamped with the consent and privacy versions in effect and the time. A question left blank
     * keeps its earlier answer ({@link IntakeHistory}).
     */
    @Transactional
    public RecordedIntake recordIntake(UUID patientId, Intake intake, String givenBy) {
        return recordIntake(patientId, intake, givenBy, documents.versionsInEffect());
    }

    /** As {@link #recordIntake(UUID, Intake, String)}, stamped with the versions the form showed the patient. */
    @Transactional
    public RecordedIntake recordIntake(UUID patientId, Intake intake, String givenBy, ConsentVersions agreed) {
        get(patientId);
        return intakes.record(patientId, intake, givenBy, agreed);
    }

    /**
     * The current answers of the health history (every version added up). Health data: only for therapists, the
     * owner, and the patient themselves (to fill in their next form).
     */
    @Transactional(readOnly = true)
    public Optional<RecordedIntake> latestIntake(UUID patientId) {
        return intakes.latest(patientId);
    }

    private Optional<Patient> existing(NewPatient form) {
        if (form.email() != null) {
            Optional<Patient> byEmail = store.findAnyByEmail(form.email());
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        if (form.phone() == null) {
            return Optional.empty();
        }
        return store.findByPhoneAndLastName(form.phone().replaceAll("[^0-9]", ""), form.lastName());
    }

    private Patient create(NewPatient form) {
        UUID id = UUID.randomUUID();
        store.insert(id, form, clock.instant());
        return get(id);
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
