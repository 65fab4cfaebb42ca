package clinic.relief.billing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import clinic.relief.shared.Money;

/**
 * A member savings plan: the monthly fee, the credits it grants each month by service and length, member prices for
 * further sessions, how many unused credits roll into a new month ({@code rolloverCap}), how many clinic months a
 * credit lasts while the membership is active ({@code creditMonths}) and how many days after the membership ends,
 * the minimum term with its early-cancel fee, the notice period, the monthly fee while frozen, whether household
 * members share the credits, and whether a credit may pay the patient's share of an insured visit.
 */
public record Plan(
        String id,
        Map<String, String> names,
        Money monthlyFee,
        List<IncludedCredit> credits,
        Map<String, Money> memberPrices,
        int rolloverCap,
        int creditMonths,
        int daysAfterCancel,
        int minimumTermMonths,
        Money earlyCancelFee,
        int noticeDays,
        Money freezeFee,
        boolean householdSharing,
        boolean creditOnInsuredVisit) {

    public Plan {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
        monthlyFee.requireNotNegative("A monthly fee");
        credits = List.copyOf(credits);
        memberPrices = Map.copyOf(memberPrices);
        earlyCancelFee.requireNotNegative("An early-cancel fee");
        freezeFee.requireNotNegative("A freeze fee");
        if (rolloverCap < 0 || creditMonths < 1 || daysAfterCancel < 0 || minimumTermMonths < 0 || noticeDays < 0) {
            throw new IllegalArgumentException("Plan " + id + " has a negative term or a credit lasting no month");
        }
    }

    /** Credits granted each month for one service and length. */
    public record IncludedCredit(String serviceId, int minutes, int count) {}

    public static String key(String serviceId, int minutes) {
        return serviceId + ":" + minutes;
    }

    public Money memberPrice(String serviceId, int minutes) {
        return memberPrices.get(key(serviceId, minutes));
    }

    public String name(Locale locale) {
        return names.getOrDefault(locale.getLanguage(), names.get("en"));
    }
}
