package clinic.relief.patients;

/** Another patient already has this e-mail address; e-mail addresses identify patients, so two may not share one. */
public class EmailTaken extends RuntimeException {

    public EmailTaken() {
        super("Another patient has this e-mail address");
    }
}
