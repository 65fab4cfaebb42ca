package clinic.relief.patients;

/** A patient's sex as insurance claims report it, with its X12 code (DMG03) and CMS-1500 box 3 meaning. */
public enum Sex {
    FEMALE("F"),
    MALE("M"),
    UNKNOWN("U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** F, M or U. */
    public String code() {
        return code;
    }

    static Sex ofCode(String code) {
        for (Sex sex : values()) {
            if (sex.code.equals(code)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("Unknown sex code: " + code);
    }
}
