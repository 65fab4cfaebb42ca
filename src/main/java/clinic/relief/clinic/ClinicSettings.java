package clinic.relief.clinic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import clinic.relief.shared.TimedSnapshot;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's details that the owner edits while the app runs ({@link ClinicDetails}: names, public phone, contact
 * e-mail, address lines), kept in the database ({@code clinic_details}) and read by everyone through
 * {@link ClinicProfile}'s accessors. At the first start they are copied from the profile file, once the beans are
 * ready and in a transaction of their own, as {@link ServiceCatalogue} copies the menu; the file is not read for
 * them afterwards. Until then (or on a database nobody seeded) the file's values answer.
 *
 * <p>Each edit names the version it was made from; an edit from an older one changes nothing
 * ({@link ClinicDetailsChangedMeanwhile}). Every change is logged with who made it, before and after.
 *
 * <p>Thread-safe. Reads come from a snapshot that this instance reloads after its own edits and at most
 * {@link #FRESH_FOR} after it was read, so another instance's edit shows here within that time.
 */
@Component
public class ClinicSettings implements SmartInitializingSingleton {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** The details as they stand and their version (0 until the first edit). */
    public record Current(ClinicDetails details, int version) {}

    private final ClinicDetailsStore store;
    private final ClinicProfileFile file;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TimedSnapshot<Current> snapshot;

    ClinicSettings(
            ClinicDetailsStore store,
            ClinicProfileFile file,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.store = store;
        this.file = file;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.snapshot = new TimedSnapshot<>(clock, FRESH_FOR, this::load);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> store.seedIfEmpty(ClinicDetails.of(file), clock.instant()));
    }

    /** The details that hold now. */
    public Current current() {
        return snapshot.get();
    }

    /** The country of the clinic's address (the profile file's): phone numbers are read as numbers there. */
    public String country() {
        return file.address().country();
    }

    /** Saves the owner's {@code details} if they are still at {@code version}; otherwise changes nothing. */
    public void edit(int version, ClinicDetails details, String by) {
        try {
            transactions.executeWithoutResult(status -> {
                Instant at = clock.instant();
                ClinicDetailsStore.Stored before =
                        store.read().orElseThrow(() -> new ClinicDetailsChangedMeanwhile(version));
                if (!store.update(version, details, at, by)) {
                    throw new ClinicDetailsChangedMeanwhile(version);
                }
                store.log(at, by, json.writeValueAsString(before.details()), json.writeValueAsString(details));
            });
        } finally {
            snapshot.invalidate();
        }
    }

    /** The latest {@code limit} changes, newest first. */
    public List<ClinicDetailsChange> changes(int limit) {
        return store.changes(limit);
    }

    private Current load() {
        return store.read()
                .map(s -> new Current(s.details(), s.version()))
                .orElseGet(() -> new Current(ClinicDetails.of(file), 0));
    }
}
