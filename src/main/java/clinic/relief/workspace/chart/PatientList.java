package clinic.relief.workspace.chart;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff patient list and the header's quick search. Any staff member may search (names and contact details
 * only, nothing medical). Pages hold {@link #PAGE} patients; one more is read to know whether another page follows.
 */
@Service
class PatientList {

    static final int PAGE = 25;
    static final int QUICK = 8;

    /** One page of patients and whether a next page exists. */
    record Page(List<PatientListStore.Row> rows, int number, boolean hasNext) {}

    private final PatientListStore store;
    private final Clock clock;

    PatientList(PatientListStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Page {@code number} (from 0) of the patients matching what was typed (everyone when nothing was) and the filters. */
    @Transactional(readOnly = true)
    Page page(String typed, PatientListStore.Filters filters, int number, Locale locale) {
        int page = Math.max(0, Math.min(number, 10_000));
        List<PatientListStore.Row> rows = find(PatientQuery.of(typed, locale), filters, PAGE + 1, page * PAGE, true);
        return new Page(rows.stream().limit(PAGE).toList(), page, rows.size() > PAGE);
    }

    /** At most {@link #QUICK} patients for the header search; nothing for fewer than two characters. */
    @Transactional(readOnly = true)
    List<PatientListStore.Row> quick(String typed, Locale locale) {
        return find(PatientQuery.of(typed, locale), new PatientListStore.Filters(false, false, false), QUICK, 0, false);
    }

    private List<PatientListStore.Row> find(
            PatientQuery query, PatientListStore.Filters filters, int limit, int offset, boolean everyoneWhenEmpty) {
        return switch (query.kind()) {
            case TEXT -> store.byText(query.pattern(), filters, clock.instant(), limit, offset);
            case PHONE -> store.byPhone(query.pattern(), filters, clock.instant(), limit, offset);
            case BIRTH -> store.byBirth(query.born().orElseThrow(), filters, clock.instant(), limit, offset);
            case NONE -> everyoneWhenEmpty ? store.everyone(filters, clock.instant(), limit, offset) : List.of();
        };
    }
}
