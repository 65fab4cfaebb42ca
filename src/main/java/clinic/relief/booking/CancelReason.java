package clinic.relief.booking;

/** Why the desk cancelled an appointment: the short list the confirm step offers. */
public enum CancelReason {
    PATIENT_REQUEST,
    ILLNESS,
    CLINIC,
    NONE
}
