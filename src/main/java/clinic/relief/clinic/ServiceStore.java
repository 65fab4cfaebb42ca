package clinic.relief.clinic;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code clinic_service}, its price history and its change log. */
@Repository
class ServiceStore {

    /** A service row; its prices are rows of their own. */
    record Stored(
            String id,
            boolean focus,
            String nameEn,
            String nameEs,
            String summaryEn,
            String summaryEs,
            boolean retired,
            int version) {}

    /** One price over the time it held; {@code until} is empty while it holds. */
    record Price(String serviceId, int minutes, BigDecimal price, Instant from, Optional<Instant> until) {

        boolean heldAt(Instant at) {
            return !from.isAfter(at) && until.map(at::isBefore).orElse(true);
        }
    }

    private final JdbcClient jdbc;

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies {@code services} in, in their order, only while the menu is empty (two instances starting at once: the
     * second's rows conflict and are skipped). Their prices hold from long before any appointment.
     */
    void seedIfEmpty(List<ClinicProfile.Service> services, Instant at) {
        List<ServiceEdit> edits = services.stream().map(ServiceEdit::of).toList();
        List<Map.Entry<String, Map.Entry<Integer, BigDecimal>>> prices = services.stream()
                .flatMap(s -> s.pricesByLength().entrySet().stream().map(p -> Map.entry(s.id(), p)))
                .toList();
        jdbc.sql("""
                with added as (
                    insert into clinic_service
                        (id, position, focus, name_en, name_es, summary_en, summary_es, changed_at, changed_by)
                    select s.id, s.position::integer, s.focus, s.name_en, s.name_es, s.summary_en, s.summary_es,
                           :at, 'clinic profile'
                    from unnest(:ids::text[], :focus::boolean[], :namesEn::text[], :namesEs::text[],
                                :summariesEn::text[], :summariesEs::text[])
                        with ordinality as s (id, focus, name_en, name_es, summary_en, summary_es, position)
                    where not exists (select 1 from clinic_service)
                    on conflict (id) do nothing
                    returning id)
                insert into clinic_service_price (service_id, minutes, price, valid_from)
                select p.service_id, p.minutes, p.price, timestamptz '2000-01-01 00:00:00+00'
                from unnest(:priceServices::text[], :priceMinutes::integer[], :priceAmounts::numeric[])
                    as p (service_id, minutes, price)
                where p.service_id in (select id from added)""")
                .param("at", utc(at))
                .param("ids", services.stream().map(ClinicProfile.Service::id).toArray(String[]::new))
                .param(
                        "focus",
                        edits.stream().map(e -> Boolean.toString(e.focus())).toArray(String[]::new))
                .param("namesEn", edits.stream().map(ServiceEdit::nameEn).toArray(String[]::new))
                .param("namesEs", edits.stream().map(ServiceEdit::nameEs).toArray(String[]::new))
                .param("summariesEn", edits.stream().map(ServiceEdit::summaryEn).toArray(String[]::new))
                .param("summariesEs", edits.stream().map(ServiceEdit::summaryEs).toArray(String[]::new))
                .param("priceServices", prices.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .param(
                        "priceMinutes",
                        prices.stream().map(p -> p.getValue().getKey()).toArray(Integer[]::new))
                .param(
                        "priceAmounts",
                        prices.stream()
                                .map(p -> p.getValue().getValue().toPlainString())
                                .toArray(String[]::new))
                .update();
    }

    List<Stored> services() {
        return jdbc.sql("""
                select id, focus, name_en, name_es, summary_en, summary_es, retired, version
                from clinic_service order by position, id""").query(ServiceStore::stored).list();
    }

    Optional<Stored> service(String id) {
        return jdbc.sql("""
                select id, focus, name_en, name_es, summary_en, summary_es, retired, version
                from clinic_service where id = :id""").param("id", id).query(ServiceStore::stored).optional();
    }

    List<Price> prices() {
        return jdbc.sql("""
                select service_id, minutes, price, valid_from, valid_until
                from clinic_service_price order by service_id, minutes, valid_from""").query(ServiceStore::price).list();
    }

    /** Today's prices of one service, read in the caller's transaction. */
    List<Price> pricesToday(String id) {
        return jdbc.sql("""
                select service_id, minutes, price, valid_from, valid_until
                from clinic_service_price where service_id = :id and valid_until is null order by minutes""").param("id", id).query(ServiceStore::price).list();
    }

    /** Applies {@code edit} if the service is still at {@code version}; false when it is not (or does not exist). */
    boolean update(String id, int version, ServiceEdit edit, Instant at, String by) {
        return jdbc.sql("""
                        update clinic_service
                        set focus = :focus, name_en = :nameEn, name_es = :nameEs, summary_en = :summaryEn,
                            summary_es = :summaryEs, version = version + 1, changed_at = :at, changed_by = :by
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("focus", edit.focus())
                        .param("nameEn", edit.nameEn())
                        .param("nameEs", edit.nameEs())
                        .param("summaryEn", edit.summaryEn())
                        .param("summaryEs", edit.summaryEs())
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Adds a service at the end of the menu; false when the id is taken. */
    boolean insert(String id, ServiceEdit edit, Instant at, String by) {
        return jdbc.sql("""
                        insert into clinic_service
                            (id, position, focus, name_en, name_es, summary_en, summary_es, changed_at, changed_by)
                        select :id, coalesce(max(position), 0) + 1, :focus, :nameEn, :nameEs, :summaryEn,
                               :summaryEs, :at, :by
                        from clinic_service
                        on conflict (id) do nothing""")
                        .param("id", id)
                        .param("focus", edit.focus())
                        .param("nameEn", edit.nameEn())
                        .param("nameEs", edit.nameEs())
                        .param("summaryEn", edit.summaryEn())
                        .param("summaryEs", edit.summaryEs())
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Retires or restores the service if it is still at {@code version}; false when it is not. */
    boolean retire(String id, int version, boolean retired, Instant at, String by) {
        return jdbc.sql("""
                        update clinic_service
                        set retired = :retired, version = version + 1, changed_at = :at, changed_by = :by
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("retired", retired)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /**
     * Makes {@code prices} the service's prices from {@code at}: a length whose price changed or that is gone is
     * closed at {@code at}, a new or changed one opens there; an unchanged one keeps its row.
     */
    void setPrices(String id, Map<Integer, BigDecimal> prices, Instant at) {
        String[] minutes = prices.keySet().stream().map(String::valueOf).toArray(String[]::new);
        String[] amounts =
                prices.values().stream().map(BigDecimal::toPlainString).toArray(String[]::new);
        jdbc.sql("""
                update clinic_service_price c set valid_until = :at
                where c.service_id = :id and c.valid_until is null
                  and not exists (select 1 from unnest(:minutes::integer[], :amounts::numeric[]) as n (minutes, price)
                                  where n.minutes = c.minutes and n.price = c.price)""")
                .param("id", id)
                .param("at", utc(at))
                .param("minutes", minutes)
                .param("amounts", amounts)
                .update();
        jdbc.sql("""
                insert into clinic_service_price (service_id, minutes, price, valid_from)
                select :id, n.minutes, n.price, :at
                from unnest(:minutes::integer[], :amounts::numeric[]) as n (minutes, price)
                where not exists (select 1 from clinic_service_price c
                                  where c.service_id = :id and c.minutes = n.minutes and c.valid_until is null)""")
                .param("id", id)
                .param("at", utc(at))
                .param("minutes", minutes)
                .param("amounts", amounts)
                .update();
    }

    /** One line of the change log: {@code before} and {@code after} are JSON objects ({@code before} may be "null"). */
    void log(String id, Instant at, String by, String action, String before, String after) {
        jdbc.sql("""
                insert into clinic_service_change (service_id, at, actor, action, before, after)
                values (:id, :at, :by, :action, :before::jsonb, :after::jsonb)""")
                .param("id", id)
                .param("at", utc(at))
                .param("by", by)
                .param("action", action)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** The change log of one service, newest first: who, when, what. */
    List<ServiceChange> changes(String id) {
        return jdbc.sql("""
                select at, actor, action, before::text as before, after::text as after
                from clinic_service_change where service_id = :id order by at desc, id desc""")
                .param("id", id)
                .query((rs, row) -> new ServiceChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString("id"),
                rs.getBoolean("focus"),
                rs.getString("name_en"),
                rs.getString("name_es"),
                rs.getString("summary_en"),
                rs.getString("summary_es"),
                rs.getBoolean("retired"),
                rs.getInt("version"));
    }

    private static Price price(ResultSet rs, int row) throws SQLException {
        OffsetDateTime until = rs.getObject("valid_until", OffsetDateTime.class);
        return new Price(
                rs.getString("service_id"),
                rs.getInt("minutes"),
                rs.getBigDecimal("price"),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(until).map(OffsetDateTime::toInstant));
    }
}
