package clinic.relief.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import clinic.relief.shared.Money;
import clinic.relief.shared.TimedSnapshot;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services menu: what the clinic sells, its names in English and Spanish and its list price per session length.
 * It lives in the database ({@code clinic_service}); at the first start it is copied from the clinic profile's
 * {@code services}, so the profile file stays the source for a new installation and the owner edits it afterwards at
 * {@code /staff/settings/services}. Every module reads services and prices here, never from the profile.
 *
 * <p>A price change holds for what is booked after it: {@link #asBookedAt} gives a service with the prices that
 * held at a past instant (an appointment's booking), so fees and claims of earlier bookings keep their amounts, as
 * their invoices do. A service is retired, never deleted: it leaves {@link #offered()} but {@link #find} still knows
 * it. Each edit names the version it was made from; an edit from an older one changes nothing
 * ({@link ServiceChangedMeanwhile}). Every change is logged with who made it, before and after.
 *
 * <p>The copy is made when this bean is created (after the schema's migration, which every JDBC bean waits for), in its
 * own transaction, before any other bean is handed the catalogue (the fee policy seeds its rules from it), so no read (a read-only schedule page, say) ever has to write it, and a service the owner adds
 * cannot come before the profile's menu. It only fills an empty table, so running it on every start and on
 * several instances at once is harmless.
 *
 * <p>Thread-safe. Reads come from a snapshot of the (small) menu that this instance reloads after its own edits and
 * at most {@link #FRESH_FOR} after it was read, so another instance's edit shows here within that time.
 */
@Component
public class ServiceCatalogue implements InitializingBean {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private record Snapshot(List<CatalogueEntry> entries, List<ServiceStore.Price> prices) {}

    private final ServiceStore store;
    private final ClinicProfile profile;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TimedSnapshot<Snapshot> snapshot;

    ServiceCatalogue(
            ServiceStore store,
            ClinicProfile profile,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.store = store;
        this.profile = profile;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.events = events;
        this.snapshot = new TimedSnapshot<>(clock, FRESH_FOR, this::load);
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> store.seedIfEmpty(profile.services(), clock.instant()));
        snapshot.invalidate();
    }

    /** The services booked today (not retired), in menu order, with today's prices. */
    public List<ClinicProfile.Service> offered() {
        return snapshot().entries().stream()
                .filter(e -> !e.retired())
                .map(CatalogueEntry::service)
                .toList();
    }

    /** A service by id with today's prices, retired or not. */
    public Optional<ClinicProfile.Service> find(String id) {
        return findEntry(id).map(CatalogueEntry::service);
    }

    /** Every service, retired ones too, for the owner's settings. */
    public List<CatalogueEntry> entries() {
        return snapshot().entries();
    }

    public CatalogueEntry entry(String id) {
        return findEntry(id).orElseThrow(() -> new NoSuchService(id));
    }

    /**
     * The service with the prices (and lengths) that held at {@code at}, e.g. when an appointment was booked;
     * today's names. Empty for an unknown id.
     */
    public Optional<ClinicProfile.Service> asBookedAt(String id, Instant at) {
        Snapshot now = snapshot();
        return findEntry(id).map(entry -> withPrices(entry.service(), pricesAt(now, id, at)));
    }

    /** The list price of {@code minutes} of the service as it stood at {@code at}; empty when it had no such length. */
    public Optional<Money> priceAt(String id, int minutes, Instant at) {
        return Optional.ofNullable(pricesAt(snapshot(), id, at).get(minutes)).map(Money::of);
    }

    /** The service's change log, newest first. */
    public List<ServiceChange> changes(String id) {
        return store.changes(entry(id).id());
    }

    /** Applies the owner's edit if the service is still at {@code version}; new prices hold from now. */
    public void edit(String id, int version, ServiceEdit edit, String by) {
        write(() -> {
            Instant at = clock.instant();
            String before = describe(id);
            if (!store.update(id, version, edit, at, by)) {
                throw refusal(id, version);
            }
            store.setPrices(id, edit.prices(), at);
            store.log(id, at, by, "EDIT", before, describe(id));
        });
    }

    /**
     * Adds a service at the end of the menu; refused when the id is malformed or taken. Publishes {@link ServiceAdded}
     * with the addition (the fee policy gives the service its entry).
     */
    public void add(String id, ServiceEdit edit, String by) {
        if (!ID.matcher(id).matches()) {
            throw new ServiceRefused(List.of(new ServiceEdit.Problem("id", "clinic.service.error.id")));
        }
        write(() -> {
            Instant at = clock.instant();
            if (!store.insert(id, edit, at, by)) {
                throw new ServiceRefused(List.of(new ServiceEdit.Problem("id", "clinic.service.error.idTaken")));
            }
            store.setPrices(id, edit.prices(), at);
            store.log(id, at, by, "ADD", "null", describe(id));
            events.publishEvent(new ServiceAdded(id));
        });
    }

    /** Takes the service off what can be booked (kept for history) if it is still at {@code version}. */
    public void retire(String id, int version, String by) {
        retire(id, version, true, by);
    }

    /** Offers a retired service again if it is still at {@code version}. */
    public void restore(String id, int version, String by) {
        retire(id, version, false, by);
    }

    private void retire(String id, int version, boolean retired, String by) {
        write(() -> {
            Instant at = clock.instant();
            String before = describe(id);
            if (!store.retire(id, version, retired, at, by)) {
                throw refusal(id, version);
            }
            store.log(id, at, by, retired ? "RETIRE" : "RESTORE", before, describe(id));
        });
    }

    private void write(Runnable change) {
        try {
            transactions.executeWithoutResult(status -> change.run());
        } finally {
            snapshot.invalidate();
        }
    }

    private RuntimeException refusal(String id, int version) {
        return store.service(id).isPresent() ? new ServiceChangedMeanwhile(id, version) : new NoSuchService(id);
    }

    /** The service as stored now (in the caller's transaction), as JSON for the change log. */
    private String describe(String id) {
        ServiceStore.Stored s = store.service(id).orElseThrow(() -> new NoSuchService(id));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nameEn", s.nameEn());
        values.put("nameEs", s.nameEs());
        values.put("summaryEn", s.summaryEn());
        values.put("summaryEs", s.summaryEs());
        values.put("focus", s.focus());
        values.put("retired", s.retired());
        Map<String, String> prices = new LinkedHashMap<>();
        store.pricesToday(id)
                .forEach(p -> prices.put(String.valueOf(p.minutes()), p.price().toPlainString()));
        values.put("prices", prices);
        return json.writeValueAsString(values);
    }

    private Optional<CatalogueEntry> findEntry(String id) {
        return snapshot().entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private Snapshot snapshot() {
        return snapshot.get();
    }

    private Snapshot load() {
        List<ServiceStore.Price> prices = store.prices();
        List<CatalogueEntry> entries = store.services().stream()
                .map(s -> new CatalogueEntry(
                        service(s, pricesAt(prices, s.id(), Optional.empty())), s.retired(), s.version()))
                .toList();
        return new Snapshot(entries, prices);
    }

    private static ClinicProfile.Service service(ServiceStore.Stored s, Map<Integer, BigDecimal> prices) {
        Map<String, String> summaries = new LinkedHashMap<>();
        if (!s.summaryEn().isEmpty()) {
            summaries.put("en", s.summaryEn());
        }
        if (!s.summaryEs().isEmpty()) {
            summaries.put("es", s.summaryEs());
        }
        return new ClinicProfile.Service(
                s.id(), s.focus(), Map.of("en", s.nameEn(), "es", s.nameEs()), summaries, prices);
    }

    private static ClinicProfile.Service withPrices(ClinicProfile.Service service, Map<Integer, BigDecimal> prices) {
        return new ClinicProfile.Service(service.id(), service.focus(), service.names(), service.summaries(), prices);
    }

    private static Map<Integer, BigDecimal> pricesAt(Snapshot snapshot, String id, Instant at) {
        return pricesAt(snapshot.prices(), id, Optional.of(at));
    }

    /** The prices that held at {@code at}, or today's (the open rows) when no instant is given. */
    private static Map<Integer, BigDecimal> pricesAt(List<ServiceStore.Price> prices, String id, Optional<Instant> at) {
        Map<Integer, BigDecimal> held = new TreeMap<>();
        prices.stream()
                .filter(p -> p.serviceId().equals(id))
                .filter(p -> at.map(p::heldAt).orElse(p.until().isEmpty()))
                .forEach(p -> held.put(p.minutes(), p.price()));
        return held;
    }
}
