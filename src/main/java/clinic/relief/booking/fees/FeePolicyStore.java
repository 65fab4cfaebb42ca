package clinic.relief.booking.fees;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code booking_fee_policy}, its version and its change log. */
@Repository
class FeePolicyStore {

    private final JdbcClient jdbc;

    FeePolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row for each service that has none, and the version row if missing; existing rows stay as they are. */
    void seedMissing(Collection<FeeRules> rules, Instant at) {
        jdbc.sql("""
                insert into booking_fee_policy_version (changed_at, changed_by) values (:at, 'configuration')
                on conflict (id) do nothing""").param("at", utc(at)).update();
        upsert(rules, false);
    }

    List<FeeRules> rules() {
        return jdbc.sql("""
                select service_id, cancel_window_hours, late_cancel_percent, no_show_percent
                from booking_fee_policy order by service_id""")
                .query((rs, row) -> new FeeRules(
                        rs.getString("service_id"),
                        rs.getInt("cancel_window_hours"),
                        rs.getInt("late_cancel_percent"),
                        rs.getInt("no_show_percent")))
                .list();
    }

    int version() {
        return jdbc.sql("select version from booking_fee_policy_version")
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Moves the version on if it is still {@code version}; false when it is not. */
    boolean claim(int version, Instant at, String by) {
        return jdbc.sql("""
                        update booking_fee_policy_version
                        set version = version + 1, changed_at = :at, changed_by = :by
                        where version = :version""")
                        .param("version", version)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Writes {@code rules}, replacing a service's row when {@code replace}, otherwise only adding missing ones. */
    void upsert(Collection<FeeRules> rules, boolean replace) {
        String[] ids = rules.stream().map(FeeRules::serviceId).toArray(String[]::new);
        Integer[] hours = rules.stream().map(FeeRules::cancelWindowHours).toArray(Integer[]::new);
        Integer[] late = rules.stream().map(FeeRules::lateCancelPercent).toArray(Integer[]::new);
        Integer[] noShow = rules.stream().map(FeeRules::noShowPercent).toArray(Integer[]::new);
        jdbc.sql(replace ? """
                        insert into booking_fee_policy (service_id, cancel_window_hours, late_cancel_percent, no_show_percent)
                        select * from unnest(:ids::text[], :hours::integer[], :late::integer[], :noShow::integer[])
                        on conflict (service_id) do update
                        set cancel_window_hours = excluded.cancel_window_hours,
                            late_cancel_percent = excluded.late_cancel_percent,
                            no_show_percent = excluded.no_show_percent""" : """
                        insert into booking_fee_policy (service_id, cancel_window_hours, late_cancel_percent, no_show_percent)
                        select * from unnest(:ids::text[], :hours::integer[], :late::integer[], :noShow::integer[])
                        on conflict (service_id) do nothing""")
                .param("ids", ids)
                .param("hours", hours)
                .param("late", late)
                .param("noShow", noShow)
                .update();
    }

    void log(Instant at, String by, String before, String after) {
        jdbc.sql("""
                insert into booking_fee_policy_change (at, actor, before, after)
                values (:at, :by, :before::jsonb, :after::jsonb)""")
                .param("at", utc(at))
                .param("by", by)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** The latest {@code limit} changes, newest first: when and who. */
    List<FeePolicy.Change> changes(int limit) {
        return jdbc.sql("""
                select at, actor from booking_fee_policy_change order by at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new FeePolicy.Change(
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor")))
                .list();
    }
}
