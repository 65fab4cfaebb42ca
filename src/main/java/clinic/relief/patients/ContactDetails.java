package clinic.relief.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A patient's contact details as the front desk edits them on the chart: a name, a phone number or an e-mail address
 * (at least one), the date of birth, the sex insurance claims report and the language letters are written in. Blank text counts as none.
 */
public record ContactDetails(
        @NotBlank(message = "{patients.firstName.required}") @Size(max = 80, message = "{workspace.contact.tooLong}")
        String firstName,

        @NotBlank(message = "{patients.lastName.required}") @Size(max = 80, message = "{workspace.contact.tooLong}")
        String lastName,

        @Pattern(regexp = "[0-9 ()+.-]{7,30}", message = "{patients.phone.invalid}")
        String phone,

        @Email(message = "{patients.email.invalid}") @Size(max = 254, message = "{workspace.contact.tooLong}")
        String email,

        @Past(message = "{patients.dateOfBirth.past}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dateOfBirth,

        Sex sex,

        @Pattern(regexp = "en|es", message = "{workspace.contact.language.invalid}")
        String language) {

    public ContactDetails {
        firstName = strip(firstName);
        lastName = strip(lastName);
        phone = strip(phone);
        email = strip(email);
        language = language == null || language.isBlank() ? "en" : language.strip();
    }

    /** The details a patient has now, to fill the form. */
    public static ContactDetails of(Patient patient) {
        return new ContactDetails(
                patient.firstName(),
                patient.lastName(),
                patient.phone(),
                patient.email(),
                patient.dateOfBirth(),
                patient.sex(),
                patient.language());
    }

    @AssertTrue(message = "{patients.reachable}")
    public boolean isReachable() {
        return phone != null || email != null;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
