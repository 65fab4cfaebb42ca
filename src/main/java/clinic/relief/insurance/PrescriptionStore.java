package clinic.relief.insurance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Prescription rows and eligibility checks. */
@Repository
class PrescriptionStore {

    private final JdbcClient jdbc;

    PrescriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Prescription p, String by, Instant now) {
        jdbc.sql("""
                insert into insurance_prescription (id, patient_id, referring_first, referring_last, referring_npi,
                    diagnoses, frequency, duration_weeks, written_on, expires_on, created_at, created_by)
                values (:id, :patient, :first, :last, :npi, :codes::text[], :frequency, :weeks,
                    :written, :expires, :now, :by)""")
                .param("id", p.id())
                .param("patient", p.patientId())
                .param("first", p.referringFirstName())
                .param("last", p.referringLastName())
                .param("npi", p.referringNpi().value())
                .param("codes", p.diagnoses().stream().map(Icd10::code).toArray(String[]::new))
                .param("frequency", p.frequency())
                .param("weeks", p.durationWeeks())
                .param("written", p.writtenOn())
                .param("expires", p.expiresOn())
                .param("now", utc(now))
                .param("by", by)
                .update();
    }

    Optional<Prescription> find(UUID id) {
        return jdbc.sql("select * from insurance_prescription where id = :id")
                .param("id", id)
                .query(PrescriptionStore::prescription)
                .optional();
    }

    /** The patient's prescriptions that are not voided, latest expiry first. */
    List<Prescription> ofPatient(UUID patientId) {
        return jdbc.sql("""
                select * from insurance_prescription where patient_id = :p and voided_at is null
                order by expires_on desc, created_at desc""")
                .param("p", patientId)
                .query(PrescriptionStore::prescription)
                .list();
    }

    void insertCheck(EligibilityCheck check) {
        jdbc.sql("""
                insert into insurance_eligibility_check (id, coverage_id, checked_at, checked_by, active,
                    visits_left, reference, note)
                values (:id, :coverage, :at, :by, :active, :left, :reference, :note)""")
                .param("id", check.id())
                .param("coverage", check.coverageId())
                .param("at", utc(check.checkedAt()))
                .param("by", check.checkedBy())
                .param("active", check.active())
                .param("left", check.visitsLeft())
                .param("reference", check.reference())
                .param("note", check.note())
                .update();
    }

    /** Eligibility checks of a coverage, newest first. */
    List<EligibilityCheck> checks(UUID coverageId) {
        return jdbc.sql("select * from insurance_eligibility_check where coverage_id = :c order by checked_at desc")
                .param("c", coverageId)
                .query((rs, row) -> new EligibilityCheck(
                        rs.getObject("id", UUID.class),
                        coverageId,
                        rs.getTimestamp("checked_at").toInstant(),
                        rs.getString("checked_by"),
                        rs.getBoolean("active"),
                        rs.getObject("visits_left", Integer.class),
                        rs.getString("reference"),
                        rs.getString("note")))
                .list();
    }

    private static Prescription prescription(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("diagnoses");
        List<Icd10> diagnoses = Arrays.stream((String[]) codes.getArray())
                .map(String::strip)
                .map(Icd10::new)
                .toList();
        return new Prescription(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("referring_first"),
                rs.getString("referring_last"),
                new Npi(rs.getString("referring_npi")),
                diagnoses,
                rs.getString("frequency"),
                rs.getInt("duration_weeks"),
                rs.getObject("written_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class));
    }
}
