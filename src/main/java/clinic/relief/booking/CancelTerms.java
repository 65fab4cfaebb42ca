package clinic.relief.booking;

import java.time.Duration;

import clinic.relief.shared.Money;

/**
 * What cancelling an appointment now means under its service's rules.
 *
 * @param late whether now is inside the cancellation window
 * @param fee the late-cancel fee that would be recorded as owed (zero outside the window)
 * @param window the service's cancellation window
 */
public record CancelTerms(boolean late, Money fee, Duration window) {

    public boolean costsSomething() {
        return fee.isPositive();
    }

    public long windowHours() {
        return window.toHours();
    }
}
