package clinic.relief.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's consent to be reached by e-mail and by text, each decision recorded with its time and source (who or
 * what recorded it: "front desk: ana@clinic", "text reply STOP"). Texts are opt-in: none without a granted text
 * consent for the number. E-mail is opt-out: a patient who gave an address for their bookings gets reminders until
 * a refusal is recorded. A number that replied STOP, or that Twilio failed permanently, is not texted whatever the
 * consent says. Thread-safe.
 */
@Service
public class Consents {

    private final ConsentStore store;
    private final PhoneNumbers phones;
    private final Clock clock;

    Consents(ConsentStore store, PhoneNumbers phones, Clock clock) {
        this.store = store;
        this.phones = phones;
        this.clock = clock;
    }

    /** One recorded decision; {@code phone} (E.164) is the number a text consent is for. */
    public record Consent(Channel channel, boolean granted, Optional<String> phone, Instant at, String source) {}

    /** The patient's newest decision on the channel, if one was recorded. */
    @Transactional(readOnly = true)
    public Optional<Consent> latest(UUID patientId, Channel channel) {
        return store.latest(patientId, channel);
    }

    /** Records that the patient agrees to texts at this number; refused ({@link InvalidPhoneNumber}) if invalid. */
    @Transactional
    public String grantTexts(UUID patientId, String phone, String source) {
        return grantTexts(patientId, phone, source, Optional.empty());
    }

    /**
     * As above, with the patient's own time zone when they told it (their browser's, on the online booking form): no
     * text then leaves in the quiet hours of that zone, nor in the clinic's.
     */
    @Transactional
    public String grantTexts(UUID patientId, String phone, String source, Optional<ZoneId> zone) {
        String number = phones.e164(phone).orElseThrow(InvalidPhoneNumber::new);
        store.insert(patientId, Channel.TEXT, true, number, clock.instant(), source, zone);
        return number;
    }

    /**
     * A time zone a browser reported (an IANA region name such as {@code America/New_York}); empty for anything else,
     * a fixed offset included, since an offset says nothing of the daylight-saving days.
     */
    public static Optional<ZoneId> reportedZone(@Nullable String name) {
        return name != null && ZoneId.getAvailableZoneIds().contains(name)
                ? Optional.of(ZoneId.of(name))
                : Optional.empty();
    }

    /** Records that the patient wants no more texts. */
    @Transactional
    public void withdrawTexts(UUID patientId, String source) {
        String phone =
                store.latest(patientId, Channel.TEXT).flatMap(Consent::phone).orElse(null);
        if (phone != null) {
            store.insert(patientId, Channel.TEXT, false, phone, clock.instant(), source);
        }
    }

    /** Records the patient's decision on e-mail reminders. */
    @Transactional
    public void recordEmail(UUID patientId, boolean granted, String source) {
        store.insert(patientId, Channel.EMAIL, granted, null, clock.instant(), source);
    }

    /** Whether e-mail reminders may go to the patient: yes unless they refused them. */
    @Transactional(readOnly = true)
    public boolean allowsEmail(UUID patientId) {
        return store.latest(patientId, Channel.EMAIL).map(Consent::granted).orElse(true);
    }

    /** The number texts to the patient may go to now: consent granted and the number not blocked. */
    @Transactional(readOnly = true)
    public Optional<String> textableNumber(UUID patientId) {
        return store.latest(patientId, Channel.TEXT)
                .filter(Consent::granted)
                .flatMap(Consent::phone)
                .filter(phone -> store.blocked(phone).isEmpty());
    }

    /** Why the number is not texted (OPTED_OUT, FAILED), if it is not. */
    @Transactional(readOnly = true)
    public Optional<String> blocked(String phone) {
        return store.blocked(phone);
    }
}
