package clinic.relief.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.CreditStore.Open;
import org.springframework.stereotype.Component;

/**
 * Membership credits as ledger rows: a GRANT per plan credit and month, and USE, RETURN and EXPIRE rows against a
 * grant. A balance is always computed from the rows, never stored. Callers hold the membership row locked
 * ({@link MembershipStore#lock}) while they change the ledger, so two uses of the last credit queue up and the
 * second finds none.
 */
@Component
class CreditLedger {

    private final CreditStore store;

    CreditLedger(CreditStore store) {
        this.store = store;
    }

    /** Credits left per service and length that can still be used at {@code at}. */
    record Balance(String serviceId, int minutes, int count) {}

    void grant(UUID membership, YearMonth period, Plan plan, Instant expiresAt, Instant at) {
        for (Plan.IncludedCredit credit : plan.credits()) {
            store.insertGrant(membership, period, credit, expiresAt, at);
        }
    }

    List<Balance> balance(UUID membership, Instant at) {
        return store.balance(membership, at);
    }

    int available(UUID membership, String serviceId, int minutes, Instant at) {
        return balance(membership, at).stream()
                .filter(b -> b.serviceId().equals(serviceId) && b.minutes() == minutes)
                .mapToInt(Balance::count)
                .sum();
    }

    /** Uses the credit that expires first; empty when none is left for this service and length. */
    Optional<UUID> use(UUID membership, String serviceId, int minutes, UUID appointmentId, Instant at) {
        Optional<Open> open = store.open(membership, at).stream()
                .filter(o -> o.serviceId().equals(serviceId) && o.minutes() == minutes)
                .findFirst();
        open.ifPresent(o -> store.insertEntry(membership, o, "USE", -1, appointmentId, at));
        return open.map(Open::grantId);
    }

    /** Gives back the credit an appointment used, once; false when it used none or it was already returned. */
    boolean giveBack(UUID appointmentId, Instant at) {
        return store.insertReturn(appointmentId, at);
    }

    /**
     * At the start of a month: credits past their expiry lapse, then the oldest unused credits beyond the plan's
     * rollover cap lapse, each as an EXPIRE row.
     */
    void rollOver(UUID membership, int cap, Instant monthStart) {
        List<Open> open = new ArrayList<>(store.open(membership, Instant.EPOCH));
        Collections.reverse(open); // the newest credits are the ones that roll over
        int kept = 0;
        for (Open o : open) {
            boolean expired = !store.expiresAt(o.grantId()).isAfter(monthStart);
            int keep = expired ? 0 : Math.min(o.remaining(), cap - kept);
            kept += keep;
            if (o.remaining() > keep) {
                store.insertEntry(membership, o, "EXPIRE", keep - o.remaining(), null, monthStart);
            }
        }
    }
}
