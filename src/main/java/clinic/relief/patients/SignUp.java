package clinic.relief.patients;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A patient's sign-up form. Password rules: 12 to 128 characters, not the e-mail address, typed twice the same.
 * Length is what makes a password strong; no composition rules (NIST SP 800-63B).
 */
public record SignUp(
        @NotBlank(message = "{patients.firstName.required}") @Size(max = 80)
        String firstName,

        @NotBlank(message = "{patients.lastName.required}") @Size(max = 80)
        String lastName,

        @Pattern(regexp = "^$|[0-9 ()+.-]{7,30}", message = "{patients.phone.invalid}")
        String phone,

        @NotBlank(message = "{patients.email.invalid}") @Email(message = "{patients.email.invalid}") @Size(max = 254)
        String email,

        @NotBlank(message = "{portal.password.length}") @Size(min = 12, max = 128, message = "{portal.password.length}")
        String password,

        String passwordAgain) {

    public SignUp {
        email = email == null ? null : email.strip();
        firstName = firstName == null ? null : firstName.strip();
        lastName = lastName == null ? null : lastName.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    public static SignUp empty() {
        return new SignUp(null, null, null, null, null, null);
    }

    @AssertTrue(message = "{portal.password.same}")
    public boolean isPasswordRepeated() {
        return password == null || password.equals(passwordAgain);
    }

    @AssertTrue(message = "{portal.password.notEmail}")
    public boolean isPasswordNotEmail() {
        return password == null || email == null || !password.strip().equalsIgnoreCase(email);
    }
}
