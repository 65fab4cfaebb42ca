package clinic.relief.patients;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A patient's contact details as other modules see them; the health history is read separately, by role. */
public record Patient(UUID id, String firstName, String lastName, String phone, String email, LocalDate dateOfBirth,
        String language) {

    public Patient {
        Objects.requireNonNull(id, "id");
    }

    /** First name and last initial: all that emails and calendars may carry. */
    public String shortName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName.charAt(0) + ".";
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
