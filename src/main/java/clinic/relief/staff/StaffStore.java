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
                select s.id, s.email, s.display_name, s.role, s.license_type, s.license_number, s.bio_en, s.bio_es,
                       s.languages, s.specialties_en, s.specialties_es, s.listed, s.profile_version, p.tag as photo_tag
                from staff_account s left join staff_photo p on p.staff_id = s.id
                where s.role = 'THERAPIST' and s.listed and s.active order by s.display_name""").query(StaffStore::member).list();
    }

    /** Active therapists, listed on the public site or not, by name. */
    List<StaffMember> therapists() {
        return jdbc.sql("""
                select s.id, s.email, s.display_name, s.role, s.license_type, s.license_number, s.bio_en, s.bio_es,
                       s.languages, s.specialties_en, s.specialties_es, s.listed, s.profile_version, p.tag as photo_tag
                from staff_account s left join staff_photo p on p.staff_id = s.id
                where s.role = 'THERAPIST' and s.active order by s.display_name""").query(StaffStore::member).list();
    }

    /** Active owners, by name. */
    List<StaffMember> owners() {
        return jdbc.sql("""
                select s.id, s.email, s.display_name, s.role, s.license_type, s.license_number, s.bio_en, s.bio_es,
                       s.languages, s.specialties_en, s.specialties_es, s.listed, s.profile_version, p.tag as photo_tag
                from staff_account s left join staff_photo p on p.staff_id = s.id
                where s.role = 'OWNER' and s.active order by s.display_name""").query(StaffStore::member).list();
    }

    Optional<StaffMember> find(UUID id) {
        return jdbc.sql("""
                select s.id, s.email, s.display_name, s.role, s.license_type, s.license_number, s.bio_en, s.bio_es,
                       s.languages, s.specialties_en, s.specialties_es, s.listed, s.profile_version, p.tag as photo_tag
                from staff_account s left join staff_photo p on p.staff_id = s.id
                where s.id = :id""").param("id", id).query(StaffStore::member).optional();
    }

    Optional<StaffMember> findByEmail(String email) {
        return jdbc.sql("""
                select s.id, s.email, s.display_name, s.role, s.license_type, s.license_number, s.bio_en, s.bio_es,
                       s.languages, s.specialties_en, s.specialties_es, s.listed, s.profile_version, p.tag as photo_tag
                from staff_account s left join staff_photo p on p.staff_id = s.id
                where lower(s.email) = lower(:email)""").param("email", email).query(StaffStore::member).optional();
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

    /**
     * Writes what the owner edits of a staff member's public profile, if the profile is still at {@code version};
     * moves the version on. Returns whether it was (false: changed meanwhile, or no such account).
     */
    boolean editProfile(UUID id, int version, ProfileEdit edit) {
        return jdbc.sql("""
                        update staff_account set display_name = :name, languages = :languages, specialties_en = :specEn,
                            specialties_es = :specEs, license_type = :licenseType, license_number = :licenseNumber,
                            bio_en = :bioEn, bio_es = :bioEs, listed = :listed, profile_version = profile_version + 1
                        where id = :id and profile_version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("name", edit.displayName())
                        .param("languages", String.join(",", edit.languages()))
                        .param("specEn", edit.specialtiesEn().orElse(null))
                        .param("specEs", edit.specialtiesEs().orElse(null))
                        .param("licenseType", edit.licenseType().orElse(null))
                        .param("licenseNumber", edit.licenseNumber().orElse(null))
                        .param("bioEn", edit.bioEn().orElse(null))
                        .param("bioEs", edit.bioEs().orElse(null))
                        .param("listed", edit.listed())
                        .update()
                == 1;
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
                rs.getString("specialties_es"),
                rs.getBoolean("listed"),
                Optional.ofNullable(rs.getString("photo_tag")),
                rs.getInt("profile_version"));
    }
}
