package clinic.relief.patients;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What it takes to create a patient: a name and at least a phone number or an email address; the date of birth and
 * sex are optional (insurance claims need them). Also the form the front
 * desk and the online booking page bind, so its constraints carry the message keys the pages show. Serializable: the
 * desk's form goes back with its errors as a flash attribute, which the session (in the database) stores.
 */
public record NewPatient(
        @NotBlank(message = "{patients.firstName.required}") @Size(max = 80)
        String firstName,

        @NotBlank(message = "{patients.lastName.required}") @Size(max = 80)
        String lastName,

        @Pattern(regexp = "^$|[0-9 ()+.-]{7,30}", message = "{patients.phone.invalid}")
        String phone,

        @Email(message = "{patients.email.invalid}") @Size(max = 254)
        String email,

        @Past(message = "{patients.dateOfBirth.past}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dateOfBirth,

        Sex sex,
        String language)
        implements Serializable {

    /** A new patient whose sex is not recorded yet (online booking, the waitlist's callers). */
    public NewPatient(
            String firstName, String lastName, String phone, String email, LocalDate dateOfBirth, String language) {
        this(firstName, lastName, phone, email, dateOfBirth, null, language);
    }

    public NewPatient {
        firstName = strip(firstName);
        lastName = strip(lastName);
        phone = strip(phone);
        email = strip(email);
        language = language == null || language.isBlank() ? "en" : language;
    }

    public boolean reachable() {
        return phone != null || email != null;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
