package clinic.relief.insurance.cms1500;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import clinic.relief.shared.Money;

/**
 * How the NUCC instructions want values written: upper-case plain letters (accents dropped: NÚÑEZ becomes NUNEZ),
 * no punctuation in names and addresses other than the hyphen, ZIP+4 with its hyphen, telephone numbers as an area
 * code and seven digits without separators, amounts as dollars and cents without "$" or a decimal point.
 */
final class FormText {

    private static final DateTimeFormatter MM = DateTimeFormatter.ofPattern("MM");
    private static final DateTimeFormatter DD = DateTimeFormatter.ofPattern("dd");
    private static final DateTimeFormatter YY = DateTimeFormatter.ofPattern("yy");
    private static final DateTimeFormatter YYYY = DateTimeFormatter.ofPattern("yyyy");
    private static final DateTimeFormatter SIX_DIGITS = DateTimeFormatter.ofPattern("MM dd yy");

    private FormText() {}

    /** Upper case, accents dropped, anything but letters, digits, spaces, hyphens, slashes and apostrophes removed. */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed
                .toUpperCase(Locale.ROOT)
                .replace("ß", "SS")
                .replaceAll("[^A-Z0-9 /'&-]", "")
                .replaceAll(" +", " ")
                .strip();
    }

    /** "LAST, FIRST": the only comma the form allows in a name. */
    static String lastFirst(String last, String first) {
        String l = plain(last);
        String f = plain(first);
        return f.isEmpty() ? l : l + ", " + f;
    }

    /** A nine-digit ZIP code with its hyphen (902771234 becomes 90277-1234); five digits as they are. */
    static String zip(String zip) {
        String digits = zip.replaceAll("[^0-9]", "");
        return digits.length() == 9 ? digits.substring(0, 5) + "-" + digits.substring(5) : digits;
    }

    /** The first five digits of a ZIP code. */
    static String zip5(String zip) {
        String digits = zip.replaceAll("[^0-9]", "");
        return digits.length() > 5 ? digits.substring(0, 5) : digits;
    }

    static String cityStateZip(String city, String state, String zip) {
        return (plain(city) + " " + plain(state) + " " + zip(zip)).strip();
    }

    /** The ten digits of a North American number, without a leading country code 1; empty when it is not one. */
    static String tenDigitPhone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        return digits.length() == 10 ? digits : "";
    }

    static String mm(LocalDate date) {
        return MM.format(date);
    }

    static String dd(LocalDate date) {
        return DD.format(date);
    }

    static String yy(LocalDate date) {
        return YY.format(date);
    }

    static String yyyy(LocalDate date) {
        return YYYY.format(date);
    }

    /** "12 14 26": the six-digit date with spaces where the form's dotted lines are. */
    static String sixDigits(LocalDate date) {
        return SIX_DIGITS.format(date);
    }

    static String dollars(Money amount) {
        return String.valueOf(amount.cents() / 100);
    }

    static String cents(Money amount) {
        return String.format(Locale.ROOT, "%02d", amount.cents() % 100);
    }
}
