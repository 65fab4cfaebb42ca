package clinic.relief.patients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Changes to confirmed patient records made by staff: contact details, and merging a duplicate into another. */
@Repository
class PatientRecordStore {

    /** A patient row as a merge sees it. */
    record MergeRow(UUID id, boolean unverified, boolean merged) {}

    private final JdbcClient jdbc;

    PatientRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a patient other than {@code id} has this e-mail (any case). */
    boolean emailTakenByOther(UUID id, String email) {
        return jdbc.sql("select 1 from patient where lower(email) = lower(:email) and id <> :id")
                .param("email", email)
                .param("id", id)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    boolean updateContact(UUID id, ContactDetails details) {
        return jdbc.sql("""
                update patient set first_name = :first, last_name = :last, phone = :phone, email = :email,
                                   date_of_birth = :dob, sex = :sex, language = :language
                where id = :id and not unverified and merged_into is null""")
                        .param("first", details.firstName())
                        .param("last", details.lastName())
                        .param("phone", details.phone())
                        .param("email", details.email())
                        .param("dob", details.dateOfBirth())
                        .param(
                                "sex",
                                details.sex() == null ? null : details.sex().code())
                        .param("language", details.language())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Locks both rows, in id order so two merges of the same pair never deadlock. */
    List<MergeRow> lock(UUID one, UUID other) {
        return jdbc.sql("""
                select id, unverified, merged_into is not null as merged from patient
                where id in (:one, :other) order by id for update""")
                .param("one", one)
                .param("other", other)
                .query((rs, row) -> new MergeRow(
                        rs.getObject("id", UUID.class), rs.getBoolean("unverified"), rs.getBoolean("merged")))
                .list();
    }

    int moveIntakes(UUID from, UUID to) {
        return jdbc.sql("update patient_intake set patient_id = :to where patient_id = :from")
                .param("to", to)
                .param("from", from)
                .update();
    }

    /** The duplicate's portal account goes to the kept patient when that patient has none. */
    int moveAccount(UUID from, UUID to) {
        return jdbc.sql("""
                update patient_account set patient_id = :to where patient_id = :from
                  and not exists (select 1 from patient_account where patient_id = :to)""").param("to", to).param("from", from).update();
    }

    void markMerged(UUID duplicate, UUID kept, Instant at, String by) {
        jdbc.sql("update patient set merged_into = :kept, merged_at = :at, merged_by = :by where id = :id")
                .param("kept", kept)
                .param("at", utc(at))
                .param("by", by)
                .param("id", duplicate)
                .update();
    }

    /** The record a merged duplicate (or confirmed placeholder) now belongs to. */
    Optional<UUID> mergedInto(UUID id) {
        return jdbc.sql("select merged_into from patient where id = :id and merged_into is not null")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }
}
