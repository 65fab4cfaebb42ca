package clinic.relief.staff;

/** What a staff member may do; patients are not staff and sign in elsewhere. */
public enum StaffRole {
    OWNER,
    FRONT_DESK,
    THERAPIST;

    String authority() {
        return "ROLE_" + name();
    }
}
