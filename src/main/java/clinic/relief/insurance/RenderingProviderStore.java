package clinic.relief.insurance;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code insurance_rendering_provider}: one per therapist whose claim identity the owner entered. */
@Repository
class RenderingProviderStore {

    private final JdbcClient jdbc;

    RenderingProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RenderingProvider> find(UUID therapistId) {
        return jdbc.sql("""
                select therapist_id, first_name, last_name, credential, npi, taxonomy
                from insurance_rendering_provider where therapist_id = :id""")
                .param("id", therapistId)
                .query((rs, row) -> new RenderingProvider(
                        rs.getObject("therapist_id", UUID.class),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("credential") == null ? "" : rs.getString("credential"),
                        Optional.ofNullable(rs.getString("npi")).map(Npi::new),
                        Optional.ofNullable(rs.getString("taxonomy"))))
                .optional();
    }

    void save(RenderingProvider p, String by, Instant at) {
        jdbc.sql("""
                insert into insurance_rendering_provider (therapist_id, first_name, last_name, credential, npi,
                    taxonomy, updated_at, updated_by)
                values (:id, :first, :last, :credential, :npi, :taxonomy, :at, :by)
                on conflict (therapist_id) do update set first_name = excluded.first_name,
                    last_name = excluded.last_name, credential = excluded.credential, npi = excluded.npi,
                    taxonomy = excluded.taxonomy, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("id", p.therapistId())
                .param("first", p.firstName())
                .param("last", p.lastName())
                .param("credential", p.credential().isEmpty() ? null : p.credential())
                .param("npi", p.npi().map(Npi::value).orElse(null))
                .param("taxonomy", p.taxonomy().orElse(null))
                .param("at", utc(at))
                .param("by", by)
                .update();
    }
}
