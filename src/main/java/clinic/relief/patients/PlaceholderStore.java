package clinic.relief.patients;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Unverified placeholder patients of online bookings. What a visitor typed never touches an existing record until
 * the e-mail address is proven theirs; then the record with that address (or the placeholder itself) takes over.
 */
@Repository
class PlaceholderStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    PlaceholderStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Patient create(NewPatient form) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into patient (id, first_name, last_name, phone, email, date_of_birth, sex, language,
                                     created_at, unverified)
                values (:id, :first, :last, :phone, null, :dob, :sex, :language, :now, true)
                """)
                .param("id", id)
                .param("first", form.firstName())
                .param("last", form.lastName())
                .param("phone", form.phone())
                .param("dob", form.dateOfBirth())
                .param("sex", form.sex() == null ? null : form.sex().code())
                .param("language", form.language())
                .param("now", utc(clock.instant()))
                .update();
        return new Patient(
                id,
                form.firstName(),
                form.lastName(),
                form.phone(),
                null,
                form.dateOfBirth(),
                form.sex(),
                form.language());
    }

    /** Returns the id of the patient the confirmed placeholder now is or belongs to. */
    UUID confirm(UUID placeholderId, String email) {
        return confirm(placeholderId, email, true);
    }

    /**
     * As {@link #confirm(UUID, String)}; with {@code intakeJoins} false, an existing patient with that address does
     * not get the placeholder's intake: it is deleted with the join.
     */
    UUID confirm(UUID placeholderId, String email, boolean intakeJoins) {
        Boolean unverified = jdbc.sql("""
                select unverified from patient where id = :id and merged_into is null for update""")
                .param("id", placeholderId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new UnknownPatient(placeholderId));
        if (!unverified) {
            return placeholderId;
        }
        lockEmail(email);
        Optional<UUID> existing =
                jdbc.sql("""
                select id from patient where lower(email) = lower(:email) and not unverified for update""").param("email", email).query(UUID.class).optional();
        if (existing.isEmpty()) {
            jdbc.sql("update patient set email = :email, unverified = false where id = :id")
                    .param("email", email)
                    .param("id", placeholderId)
                    .update();
            return placeholderId;
        }
        if (intakeJoins) {
            // The record's own contact details stay as they are; the new intake (newest counts) joins it.
            jdbc.sql("update patient_intake set patient_id = :to where patient_id = :from")
                    .param("to", existing.get())
                    .param("from", placeholderId)
                    .update();
        } else {
            jdbc.sql("delete from patient_intake where patient_id = :from")
                    .param("from", placeholderId)
                    .update();
        }
        jdbc.sql("update patient set merged_into = :to where id = :from")
                .param("to", existing.get())
                .param("from", placeholderId)
                .update();
        return existing.get();
    }

    /**
     * Serialises confirmations of one address until the transaction ends, so two of them never both create a
     * patient with it (the second would break the unique e-mail index).
     */
    void lockEmail(String email) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(lower(:email)))")
                .param("email", email)
                .query((rs, row) -> 1)
                .list();
    }

    boolean lock(UUID id) {
        return jdbc.sql("select 1 from patient where id = :id and unverified and merged_into is null for update")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    void discard(UUID placeholderId) {
        jdbc.sql("""
                delete from patient_intake where patient_id = :id
                  and exists (select 1 from patient where id = :id and unverified)""").param("id", placeholderId).update();
        jdbc.sql("delete from patient where id = :id and unverified")
                .param("id", placeholderId)
                .update();
    }
}
