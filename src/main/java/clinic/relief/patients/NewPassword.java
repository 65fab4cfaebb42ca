package clinic.relief.patients;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The form behind a password reset link: the same rules as at sign-up (12 to 128 characters, typed twice the same;
 * {@link PasswordResets#reset} also refuses the account's own e-mail address).
 */
public record NewPassword(
        String token,

        @NotBlank(message = "{portal.password.length}") @Size(min = 12, max = 128, message = "{portal.password.length}")
        String password,

        String passwordAgain) {

    public static NewPassword forLink(String token) {
        return new NewPassword(token, null, null);
    }

    @AssertTrue(message = "{portal.password.same}")
    public boolean isPasswordRepeated() {
        return password == null || password.equals(passwordAgain);
    }
}
