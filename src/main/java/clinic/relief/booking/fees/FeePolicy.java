package clinic.relief.booking.fees;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.relief.booking.BookingSettings;
import clinic.relief.booking.schedule.ServiceRules;
import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.shared.TimedSnapshot;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fee policy the owner edits: per service, the late-cancellation window and the late-cancel and no-show fees (a
 * share of the session's price). It lives in the database ({@code booking_fee_policy}); at the first start each
 * service of the profile file's menu gets its rules from {@code relief.booking.services} (or its {@code defaults}), in a transaction of
 * their own once the beans are ready, and the configuration is not read for them afterwards; a service the owner adds
 * later gets its entry the same way when it is added ({@link NewServiceFees}).
 *
 * <p>Every cancellation and no-show reads the policy as it stands when it is recorded ({@link #applyTo}), so a new
 * window or fee holds from the save on, for visits booked before too; a fee already recorded keeps its amount. The
 * whole policy has one version: a save from an older one changes nothing ({@link FeePolicyChangedMeanwhile}). Every
 * change is logged with who made it, before and after.
 *
 * <p>Thread-safe. Reads come from a snapshot this instance reloads after its own edits and at most
 * {@link #FRESH_FOR} after it was read.
 */
@Component
public class FeePolicy implements SmartInitializingSingleton {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** The policy as it stands: each service's rules by id, and the version. */
    public record Current(Map<String, FeeRules> rules, int version) {}

    /** One line of the change log: when and who. */
    public record Change(Instant at, String actor) {}

    private final FeePolicyStore store;
    private final BookingSettings settings;
    private final ServiceCatalogue services;
    private final ClinicProfile clinic;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TimedSnapshot<Current> snapshot;

    FeePolicy(
            FeePolicyStore store,
            BookingSettings settings,
            ServiceCatalogue services,
            ClinicProfile clinic,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.store = store;
        this.settings = settings;
        this.services = services;
        this.clinic = clinic;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.snapshot = new TimedSnapshot<>(clock, FRESH_FOR, this::load);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> store.seedMissing(
                services.entries().stream().map(e -> configured(e.id())).toList(), clock.instant()));
    }

    /**
     * Gives a service added to the menu its own entry, with the configured rules for it, unless it has one; the
     * policy's version stays (an open fee form can still be saved).
     */
    void seed(String serviceId) {
        try {
            transactions.executeWithoutResult(
                    status -> store.seedMissing(List.of(configured(serviceId)), clock.instant()));
        } finally {
            snapshot.invalidate();
        }
    }

    /** Every service's rules (the menu's, retired ones too), in menu order, and the policy's version. */
    public Current current() {
        return snapshot.get();
    }

    /** One service's rules as they stand now. */
    public FeeRules rules(String serviceId) {
        FeeRules rules = current().rules().get(serviceId);
        return rules == null ? configured(serviceId) : rules;
    }

    /** The configured booking rules of a service with the window and fees of the policy as it stands now. */
    public ServiceRules applyTo(String serviceId, ServiceRules configured) {
        FeeRules fees = rules(serviceId);
        return new ServiceRules(
                configured.buffer(),
                configured.needsRoom(),
                fees.cancelWindow(),
                fees.lateCancelPercent(),
                fees.noShowPercent(),
                configured.therapists());
    }

    /** Saves the owner's rules (each service given) if the policy is still at {@code version}; else changes nothing. */
    public void edit(int version, Collection<FeeRules> rules, String by) {
        try {
            transactions.executeWithoutResult(status -> {
                Instant at = clock.instant();
                List<FeeRules> before = store.rules();
                if (!store.claim(version, at, by)) {
                    throw new FeePolicyChangedMeanwhile(version);
                }
                store.upsert(rules, true);
                store.log(at, by, json.writeValueAsString(before), json.writeValueAsString(store.rules()));
            });
        } finally {
            snapshot.invalidate();
        }
    }

    /** The latest {@code limit} changes, newest first. */
    public List<Change> changes(int limit) {
        return store.changes(limit);
    }

    private Current load() {
        Map<String, FeeRules> stored = new LinkedHashMap<>();
        store.rules().forEach(r -> stored.put(r.serviceId(), r));
        Map<String, FeeRules> rules = new LinkedHashMap<>();
        for (CatalogueEntry entry : services.entries()) {
            rules.put(entry.id(), stored.getOrDefault(entry.id(), configured(entry.id())));
        }
        return new Current(Map.copyOf(rules), store.version());
    }

    private FeeRules configured(String serviceId) {
        ServiceRules rules = settings.rulesFor(serviceId);
        return new FeeRules(
                serviceId,
                (int) Math.min(rules.cancelWindow().toHours(), FeeRules.MAX_WINDOW_HOURS),
                rules.lateCancelPercent(),
                rules.noShowPercent());
    }
}
