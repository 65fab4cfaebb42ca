package clinic.relief.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The one row of {@code clinic_details} and its change log. */
@Repository
class ClinicDetailsStore {

    /** The stored details and the version they are at. */
    record Stored(ClinicDetails details, int version) {}

    private final JdbcClient jdbc;

    ClinicDetailsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes {@code details} as version 0 unless a row is there (two instances starting at once: one writes). */
    void seedIfEmpty(ClinicDetails details, Instant at) {
        jdbc.sql("""
                insert into clinic_details (name, short_name, center_name, phone, phone_display, contact_email,
                                            street, city, region, postal_code, changed_at, changed_by)
                values (:name, :shortName, :centerName, :phone, :phoneDisplay, :contactEmail,
                        :street, :city, :region, :postalCode, :at, 'clinic profile')
                on conflict (id) do nothing""").params(params(details)).param("at", utc(at)).update();
    }

    Optional<Stored> read() {
        return jdbc.sql("""
                select name, short_name, center_name, phone, phone_display, contact_email, street, city, region,
                       postal_code, version
                from clinic_details""").query(ClinicDetailsStore::stored).optional();
    }

    /** Writes {@code details} if the row is still at {@code version}; false when it is not. */
    boolean update(int version, ClinicDetails details, Instant at, String by) {
        return jdbc.sql("""
                        update clinic_details
                        set name = :name, short_name = :shortName, center_name = :centerName, phone = :phone,
                            phone_display = :phoneDisplay, contact_email = :contactEmail, street = :street,
                            city = :city, region = :region, postal_code = :postalCode, version = version + 1,
                            changed_at = :at, changed_by = :by
                        where version = :version""")
                        .params(params(details))
                        .param("version", version)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    void log(Instant at, String by, String before, String after) {
        jdbc.sql("""
                insert into clinic_details_change (at, actor, before, after)
                values (:at, :by, :before::jsonb, :after::jsonb)""")
                .param("at", utc(at))
                .param("by", by)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** The change log, newest first. */
    List<ClinicDetailsChange> changes(int limit) {
        return jdbc.sql("""
                select at, actor, before::text as before, after::text as after
                from clinic_details_change order by at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new ClinicDetailsChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    private static Map<String, Object> params(ClinicDetails d) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", d.name());
        params.put("shortName", d.shortName());
        params.put("centerName", d.centerName());
        params.put("phone", d.phone());
        params.put("phoneDisplay", d.phoneDisplay());
        params.put("contactEmail", d.contactEmail());
        params.put("street", d.street());
        params.put("city", d.city());
        params.put("region", d.region());
        params.put("postalCode", d.postalCode());
        return params;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new ClinicDetails(
                        rs.getString("name"),
                        rs.getString("short_name"),
                        rs.getString("center_name"),
                        rs.getString("phone"),
                        rs.getString("phone_display"),
                        rs.getString("contact_email"),
                        rs.getString("street"),
                        rs.getString("city"),
                        rs.getString("region"),
                        rs.getString("postal_code")),
                rs.getInt("version"));
    }
}
