package clinic.relief.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code staff_account}. */
@Repository
class StaffStore {

    /** What sign-in needs of an account. */
    record Credentials(String email, StaffRole role, String passwordHash, boolean active) {}

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active therapists who chose to appear on the public site, by name. */
    List<StaffMember> listedTherapists() {
        return jdbc.sql("""
                select id, email, display_name, role, license_type, license_number, bio_en, bio_es, languages,
                       specialties_en, specialties_es from staff_account
                where role = 'THERAPIST' and listed and active order by display_name""").query(StaffStore::member).list();
    }

    /** Active therapists, listed on the public site or not, by name. */
    List<StaffMember> therapists() {
        return jdbc.sql("""
                select id, email, display_name, role, license_type, license_number, bio_en, bio_es, languages,
                       specialties_en, specialties_es from staff_account
                where role = 'THERAPIST' and active order by display_name""").query(StaffStore::member).list();
    }

    /** Active owners, by name. */
    List<StaffMember> owners() {
        return jdbc.sql("""
                select id, email, display_name, role, license_type, license_number, bio_en, bio_es, languages,
                       specialties_en, specialties_es from staff_account
                where role = 'OWNER' and active order by display_name""").query(StaffStore::member).list();
    }

    Optional<StaffMember> find(UUID id) {
        return jdbc.sql("""
                select id, email, display_name, role, license_type, license_number, bio_en, bio_es, languages,
                       specialties_en, specialties_es from staff_account
                where id = :id""").param("id", id).query(StaffStore::member).optional();
    }

    Optional<StaffMember> findByEmail(String email) {
        return jdbc.sql("""
                select id, email, display_name, role, license_type, license_number, bio_en, bio_es, languages,
                       specialties_en, specialties_es from staff_account
                where lower(email) = lower(:email)""").param("email", email).query(StaffStore::member).optional();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                select email, role, password_hash, active from staff_account where lower(email) = lower(:email)""")
                .param("email", email)
                .query((rs, row) -> new Credentials(
                        rs.getString("email"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getString("password_hash"),
                        rs.getBoolean("active")))
                .optional();
    }

    /** Creates the account, or brings the one with this id in line with {@code member} (and active again). */
    void upsert(UUID id, NewStaffMember member, String passwordHash) {
        jdbc.sql("""
                insert into staff_account (id, email, display_name, role, password_hash, license_type,
                                           license_number, bio_en, bio_es, listed)
                values (:id, :email, :name, :role, :hash, :licenseType, :licenseNumber, :bioEn, :bioEs, :listed)
                on conflict (id) do update set display_name = excluded.display_name, role = excluded.role,
                    password_hash = excluded.password_hash, license_type = excluded.license_type,
                    license_number = excluded.license_number, bio_en = excluded.bio_en, bio_es = excluded.bio_es,
                    listed = excluded.listed, active = true
                """)
                .param("id", id)
                .param("email", member.email())
                .param("name", member.displayName())
                .param("role", member.role().name())
                .param("hash", passwordHash)
                .param("licenseType", member.licenseType())
                .param("licenseNumber", member.licenseNumber())
                .param("bioEn", member.bioEn())
                .param("bioEs", member.bioEs())
                .param("listed", member.listed())
                .update();
    }

    /** What patients choosing a therapist see: languages and specialties. */
    void describe(UUID id, String languages, String specialtiesEn, String specialtiesEs) {
        jdbc.sql("""
                update staff_account set languages = :languages, specialties_en = :en, specialties_es = :es
                where id = :id""")
                .param("id", id)
                .param("languages", languages)
                .param("en", specialtiesEn)
                .param("es", specialtiesEs)
                .update();
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getString("license_type"),
                rs.getString("license_number"),
                rs.getString("bio_en"),
                rs.getString("bio_es"),
                List.of(rs.getString("languages").split(",")),
                rs.getString("specialties_en"),
                rs.getString("specialties_es"));
    }
}
