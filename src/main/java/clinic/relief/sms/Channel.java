package clinic.relief.sms;

/** A way of reaching a patient that needs their consent: e-mail or text message. */
public enum Channel {
    EMAIL,
    TEXT
}
