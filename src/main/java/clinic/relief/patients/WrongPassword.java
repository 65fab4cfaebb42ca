package clinic.relief.patients;

/** The password given to confirm an account is not the one chosen at sign-up; nothing was changed. */
public class WrongPassword extends RuntimeException {

    public WrongPassword() {
        super("The password does not match the account");
    }
}
