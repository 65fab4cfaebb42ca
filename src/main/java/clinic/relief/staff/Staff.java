package clinic.relief.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff directory: accounts for sign-in and the therapists the public site lists. */
@Service
public class Staff {

    private static final String COLUMNS = """
            id, email, display_name, role, license_type, license_number, bio_en, bio_es""";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    Staff(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** Active therapists who chose to appear on the public site, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> listedTherapists() {
        return jdbc.sql("select " + COLUMNS + " from staff_account"
                        + " where role = 'THERAPIST' and listed and active order by display_name")
                .query(Staff::member)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where id = :id").param("id", id)
                .query(Staff::member)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where lower(email) = lower(:email)")
                .param("email", email)
                .query(Staff::member)
                .optional();
    }

    /**
     * Creates the account, or, when one with this email exists, brings it in line with {@code member} (used by the
     * demo data, which runs at every start).
     */
    @Transactional
    public StaffMember createOrUpdate(NewStaffMember member) {
        UUID id = findByEmail(member.email()).map(StaffMember::id).orElseGet(UUID::randomUUID);
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
                .param("hash", passwordEncoder.encode(member.rawPassword()))
                .param("licenseType", member.licenseType())
                .param("licenseNumber", member.licenseNumber())
                .param("bioEn", member.bioEn())
                .param("bioEs", member.bioEs())
                .param("listed", member.listed())
                .update();
        return findByEmail(member.email()).orElseThrow();
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                StaffRole.valueOf(rs.getString("role")), rs.getString("license_type"),
                rs.getString("license_number"), rs.getString("bio_en"), rs.getString("bio_es"));
    }
}
