package clinic.relief.patients;

/** The new password is the account's own e-mail address; nothing was changed and the link stays usable. */
public class PasswordIsEmail extends RuntimeException {

    public PasswordIsEmail() {
        super("The password is the account's e-mail address");
    }
}
