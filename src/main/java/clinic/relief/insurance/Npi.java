package clinic.relief.insurance;

/**
 * A National Provider Identifier: ten digits whose last is a Luhn check digit computed over the nine before it
 * with the card-issuer prefix 80840 in front (so "80840" + the ten digits passes the Luhn check).
 */
public record Npi(String value) {

    private static final String PREFIX = "80840";

    public Npi {
        String digits = value == null ? "" : value.strip();
        if (!digits.matches("[0-9]{10}")) {
            throw new InvalidCode("npiShape", value, null);
        }
        if (!luhnValid(PREFIX + digits)) {
            throw new InvalidCode("npiCheckDigit", value, null);
        }
        value = digits;
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{10}") && luhnValid(PREFIX + value);
    }

    /** The check digit the first nine digits call for. */
    static int checkDigit(String firstNine) {
        for (int digit = 0; digit <= 9; digit++) {
            if (luhnValid(PREFIX + firstNine + digit)) {
                return digit;
            }
        }
        throw new IllegalStateException("Luhn always has one check digit");
    }

    private static boolean luhnValid(String number) {
        int sum = 0;
        boolean twice = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
