package clinic.relief.staff;

/** What a staff member may do; patients are not staff and sign in elsewhere. */
public enum StaffRole {
    OWNER,
    FRONT_DESK,
    THERAPIST;

    /** The granted authority of this role ({@code ROLE_OWNER}, ...), as request rules name it without the prefix. */
    public String authority() {
        return "ROLE_" + name();
    }
}
