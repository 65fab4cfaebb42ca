package clinic.relief.insurance;

import java.time.LocalDate;

/** A payer's prior authorization: its number, the visits it allows and those used, and the dates it covers. */
public record Authorization(String number, Integer visits, int visitsUsed, LocalDate from, LocalDate to) {

    public Integer visitsLeft() {
        return visits == null ? null : Math.max(0, visits - visitsUsed);
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
