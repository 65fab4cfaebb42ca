package clinic.relief.booking;

import java.util.UUID;

/** A therapist as booking shows them: a staff account with role THERAPIST. */
public record Therapist(UUID id, String name) {}
