package clinic.relief.booking.calendar;

import java.util.UUID;

import clinic.relief.patients.CareTeam;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.stereotype.Component;

/** A therapist treats a patient when they have or had an appointment with them that was not cancelled. */
@Component
class CareTeamFromAppointments implements CareTeam {

    private final Staff staff;
    private final CareTeamStore store;

    CareTeamFromAppointments(Staff staff, CareTeamStore store) {
        this.staff = staff;
        this.store = store;
    }

    @Override
    public boolean treats(String staffEmail, UUID patientId) {
        return staff.findByEmail(staffEmail)
                .map(StaffMember::id)
                .map(therapist -> store.hasAppointments(therapist, patientId))
                .orElse(false);
    }
}
