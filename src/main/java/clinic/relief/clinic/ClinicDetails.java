package clinic.relief.clinic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The clinic's details the owner may change while the app runs: its names, the public phone number (E.164 and as
 * written), the contact e-mail shown to patients (empty: none shown) and the address lines (the country stays the
 * profile file's). The record checks itself and refuses to exist with any problem ({@link ClinicDetailsRefused}).
 */
public record ClinicDetails(
        String name,
        String shortName,
        String centerName,
        String phone,
        String phoneDisplay,
        String contactEmail,
        String street,
        String city,
        String region,
        String postalCode) {

    public static final int MAX_NAME = 120;
    public static final int MAX_SHORT_NAME = 60;
    public static final int MAX_STREET = 120;
    public static final int MAX_CITY = 60;
    public static final int MAX_EMAIL = 254;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");

    /** One thing wrong with a field: the form field's name and the message key that says what. */
    public record Problem(String field, String key) {}

    public ClinicDetails {
        List<Problem> problems = new ArrayList<>();
        text("name", name, MAX_NAME, true, problems);
        text("shortName", shortName, MAX_SHORT_NAME, true, problems);
        text("centerName", centerName, MAX_NAME, false, problems);
        if (!E164.matcher(phone).matches() || phoneDisplay.isBlank() || phoneDisplay.length() > 30) {
            problems.add(new Problem("phone", "clinic.details.error.phone"));
        }
        if (!contactEmail.isEmpty()
                && (contactEmail.length() > MAX_EMAIL
                        || !EMAIL.matcher(contactEmail).matches())) {
            problems.add(new Problem("contactEmail", "clinic.details.error.email"));
        }
        text("street", street, MAX_STREET, true, problems);
        text("city", city, MAX_CITY, true, problems);
        if (!REGION.matcher(region).matches()) {
            problems.add(new Problem("region", "clinic.details.error.region"));
        }
        if (!ZIP.matcher(postalCode).matches()) {
            problems.add(new Problem("postalCode", "clinic.details.error.zip"));
        }
        if (!problems.isEmpty()) {
            throw new ClinicDetailsRefused(problems);
        }
    }

    /**
     * The details as the owner typed them: text is trimmed, the phone is read as a number of the clinic's
     * {@code country} in any usual way of writing it ("(310) 555-0142", "+1 310 555 0142") and must be a valid one
     * there; the e-mail is trimmed and its domain lower-cased. Refused ({@link ClinicDetailsRefused}) with every
     * problem, field by field.
     */
    public static ClinicDetails typed(
            String name,
            String shortName,
            String centerName,
            String phone,
            String contactEmail,
            String street,
            String city,
            String region,
            String postalCode,
            String country) {
        Optional<PhoneNumber> number = phone(phone, country);
        List<Problem> problems = new ArrayList<>();
        if (number.isEmpty()) {
            problems.add(new Problem("phone", "clinic.details.error.phone"));
        }
        String email = email(contactEmail.strip());
        ClinicDetails checked = null;
        try {
            checked = new ClinicDetails(
                    name.strip(),
                    shortName.strip(),
                    centerName.strip(),
                    number.map(n -> PHONES.format(n, PhoneNumberFormat.E164)).orElse(""),
                    number.map(n -> PHONES.format(n, PhoneNumberFormat.NATIONAL))
                            .orElse(""),
                    email,
                    street.strip(),
                    city.strip(),
                    region.strip().toUpperCase(Locale.ROOT),
                    postalCode.strip());
        } catch (ClinicDetailsRefused refused) {
            refused.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ClinicDetailsRefused(problems);
        }
        return Objects.requireNonNull(checked);
    }

    /** The details as the profile file gives them (how the database is seeded). */
    static ClinicDetails of(ClinicProfileFile file) {
        ClinicProfile.Address a = file.address();
        return new ClinicDetails(
                file.name(),
                file.shortName(),
                Objects.requireNonNullElse(file.centerName(), ""),
                file.phone(),
                file.phoneDisplay(),
                Objects.requireNonNullElse(file.email(), ""),
                a.street(),
                a.city(),
                a.region(),
                a.postalCode());
    }

    ClinicProfile.Address address(String country) {
        return new ClinicProfile.Address(street, city, region, postalCode, country);
    }

    private static Optional<PhoneNumber> phone(String typed, String country) {
        if (typed.length() > 30 || typed.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(typed, country);
            return PHONES.isValidNumberForRegion(number, country) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    private static String email(String typed) {
        int at = typed.lastIndexOf('@');
        return at < 0 ? typed : typed.substring(0, at) + typed.substring(at).toLowerCase(Locale.ROOT);
    }

    private static void text(String field, String value, int max, boolean required, List<Problem> problems) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(field, "clinic.details.error.control"));
        } else if (required && value.isBlank()) {
            problems.add(new Problem(field, "clinic.details.error.required"));
        } else if (value.length() > max) {
            problems.add(new Problem(field, "clinic.details.error.tooLong"));
        } else if (!value.equals(value.strip())) {
            problems.add(new Problem(field, "clinic.details.error.spaces"));
        }
    }
}
