package clinic.relief.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code patient}. Searches never return unconfirmed placeholders ({@code unverified}) and give at most ten
 * patients by name; {@code like} patterns come escaped from the caller.
 */
@Repository
class PatientStore {

    private final JdbcClient jdbc;

    PatientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Patients whose phone number, digits only, is like {@code pattern}. */
    List<Patient> searchByPhone(String pattern) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and regexp_replace(phone, '[^0-9]', '', 'g') like :q
                order by last_name, first_name limit 10""").param("q", pattern).query(PatientStore::patient).list();
    }

    /** Patients whose lower-case e-mail is like {@code pattern}. */
    List<Patient> searchByEmail(String pattern) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and lower(email) like :q
                order by last_name, first_name limit 10""").param("q", pattern).query(PatientStore::patient).list();
    }

    /** Patients whose lower-case first or last name is like {@code pattern}. */
    List<Patient> searchByName(String pattern) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and (lower(last_name) like :q or lower(first_name) like :q)
                order by last_name, first_name limit 10""").param("q", pattern).query(PatientStore::patient).list();
    }

    /** Patients whose lower-case first name is like {@code first} and last name like {@code last}. */
    List<Patient> searchByNames(String first, String last) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and lower(first_name) like :first and lower(last_name) like :last
                order by last_name, first_name limit 10""")
                .param("first", first)
                .param("last", last)
                .query(PatientStore::patient)
                .list();
    }

    /** The patients with these ids (unknown ids are left out), in one query. */
    List<Patient> findAll(UUID[] ids) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where id = any(:ids)""").param("ids", ids).query(PatientStore::patient).list();
    }

    Optional<Patient> find(UUID id) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient where id = :id""").param("id", id).query(PatientStore::patient).optional();
    }

    /** The confirmed patient with this e-mail (any case). */
    Optional<Patient> findByEmail(String email) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and lower(email) = lower(:e)""").param("e", email).query(PatientStore::patient).optional();
    }

    /** Any patient with this e-mail (any case), a placeholder included. */
    Optional<Patient> findAnyByEmail(String email) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where lower(email) = lower(:e)""").param("e", email).query(PatientStore::patient).optional();
    }

    /** A confirmed patient with this phone number (digits only) and last name (any case). */
    Optional<Patient> findByPhoneAndLastName(String digits, String lastName) {
        return jdbc.sql("""
                select id, first_name, last_name, phone, email, date_of_birth, sex, language from patient
                where not unverified and regexp_replace(phone, '[^0-9]', '', 'g') = :d
                  and lower(last_name) = lower(:last) limit 1""")
                .param("d", digits)
                .param("last", lastName)
                .query(PatientStore::patient)
                .optional();
    }

    void insert(UUID id, NewPatient form, Instant at) {
        jdbc.sql("""
                insert into patient (id, first_name, last_name, phone, email, date_of_birth, sex, language, created_at)
                values (:id, :first, :last, :phone, :email, :dob, :sex, :language, :now)
                """)
                .param("id", id)
                .param("first", form.firstName())
                .param("last", form.lastName())
                .param("phone", form.phone())
                .param("email", form.email())
                .param("dob", form.dateOfBirth())
                .param("sex", form.sex() == null ? null : form.sex().code())
                .param("language", form.language())
                .param("now", utc(at))
                .update();
    }

    /** The date of birth and sex the patient gave on a signed intake form; a question left blank keeps what is there. */
    void recordDemographics(UUID id, @Nullable LocalDate dateOfBirth, @Nullable Sex sex) {
        jdbc.sql("""
                update patient set date_of_birth = coalesce(:dob, date_of_birth), sex = coalesce(:sex, sex)
                where id = :id
                """)
                .param("id", id)
                .param("dob", dateOfBirth)
                .param("sex", sex == null ? null : sex.code())
                .update();
    }

    private static Patient patient(ResultSet rs, int row) throws SQLException {
        return new Patient(
                rs.getObject("id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("sex") == null ? null : Sex.ofCode(rs.getString("sex")),
                rs.getString("language"));
    }
}
