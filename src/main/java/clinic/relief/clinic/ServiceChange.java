package clinic.relief.clinic;

import java.time.Instant;

/**
 * One line of a service's change log: when, who (the signed-in name), what ({@code ADD}, {@code EDIT}, {@code RETIRE},
 * {@code RESTORE}), and the service before and after as JSON ({@code before} is "null" for an addition).
 */
public record ServiceChange(Instant at, String actor, String action, String before, String after) {}
