package clinic.relief.clinic;

import java.time.Instant;

/** One line of the clinic details' change log: when, who (the signed-in name), and the details before and after as JSON. */
public record ClinicDetailsChange(Instant at, String actor, String before, String after) {}
