package clinic.relief.workspace.today;

import java.util.OptionalLong;

/**
 * The owner's figures of the day.
 *
 * @param revenue money taken today (payments less refunds), formatted in the clinic's currency
 * @param utilisationPercent booked minutes against the minutes therapists are scheduled; empty when nobody works
 * @param firstVisitsReachedPercent the share of first visits whose pain fell by the clinically important change
 *     (all first visits with pain before and after); empty before the first one
 */
record OwnerFigures(
        String revenue,
        OptionalLong utilisationPercent,
        long bookedMinutes,
        long scheduledMinutes,
        int visits,
        int noShows,
        int cancellations,
        int newClients,
        OptionalLong firstVisitsReachedPercent,
        long firstVisits) {}
