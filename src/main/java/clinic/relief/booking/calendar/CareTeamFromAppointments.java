package clinic.relief.booking.calendar;

import java.util.UUID;

import clinic.relief.patients.CareTeam;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A therapist treats a patient when they have or had an appointment with them that was not cancelled. */
@Component
class CareTeamFromAppointments implements CareTeam {

    private final Staff staff;
    private final JdbcClient jdbc;

    CareTeamFromAppointments(Staff staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Override
    public boolean treats(String staffEmail, UUID patientId) {
        return staff.findByEmail(staffEmail)
                .map(StaffMember::id)
                .map(therapist -> jdbc.sql("""
                        select exists (select 1 from booking_appointment where therapist_id = :t
                                       and patient_id = :p and status <> 'CANCELLED')""")
                        .param("t", therapist)
                        .param("p", patientId)
                        .query(Boolean.class)
                        .single())
                .orElse(false);
    }
}
