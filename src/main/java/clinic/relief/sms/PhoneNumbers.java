package clinic.relief.sms;

import java.util.Optional;

import clinic.relief.clinic.ClinicProfile;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * Phone numbers as texts need them: E.164 ({@code +13105550123}), parsed with libphonenumber; a number written
 * without a country code is read as one of the clinic's country. Thread-safe.
 */
@Component
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    PhoneNumbers(ClinicProfile clinic) {
        this.region = clinic.address().country();
    }

    /** The number in E.164, or empty when it is not a valid number. */
    public Optional<String> e164(String typed) {
        try {
            PhoneNumber number = util.parse(typed, region);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
