package clinic.relief.booking;

/** What the desk decides about the late-cancel fee a cancellation would owe: charge it as the rules say, or waive it. */
public enum FeeChoice {
    CHARGE,
    WAIVE
}
