package clinic.relief.outcomes;

import java.util.UUID;

import clinic.relief.staff.StaffRole;

/** The signed-in staff member asking: their account id (a therapist's id), role and sign-in name. */
record Reader(UUID staffId, StaffRole role, String name) {

    boolean isOwner() {
        return role == StaffRole.OWNER;
    }

    /** Owner: every client. Therapist: clients they have treated. Front desk: none. */
    boolean mayRead(UUID patientId, VisitStore visits) {
        return isOwner() || role == StaffRole.THERAPIST && visits.hasTreated(staffId, patientId);
    }

    /** Only the therapist of the visit writes, signs and amends its note. */
    boolean mayWrite(Visit visit) {
        return role == StaffRole.THERAPIST && visit.therapistId().equals(staffId);
    }
}
