package clinic.relief.sms;

import java.util.List;

/** What other modules' tests may read of {@link LocalTwilio}: the texts the app sent to a number. */
public final class LocalTwilioMessages {

    private LocalTwilioMessages() {}

    /** The bodies of every text created so far to this number (E.164), oldest first. */
    public static List<String> bodiesTo(String number) {
        return LocalTwilio.shared().sentTo(number).stream()
                .map(LocalTwilio.Created::body)
                .toList();
    }
}
