package clinic.relief.sms;

/** A phone number that is not a valid number (nothing was recorded). */
public class InvalidPhoneNumber extends RuntimeException {

    public InvalidPhoneNumber() {
        super("not a valid phone number");
    }
}
