package clinic.relief.painmap;

import java.util.Locale;

/** The languages every text of the pain finder is written in. */
public enum Lang {
    EN,
    ES;

    /** The code used in resources and the API: {@code en} or {@code es}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code en} or {@code es} (any case).
     *
     * @throws IllegalArgumentException for any other code
     */
    public static Lang of(String code) {
        for (Lang lang : values()) {
            if (lang.code().equalsIgnoreCase(code)) {
                return lang;
            }
        }
        throw new IllegalArgumentException("Unknown language '" + code + "'; expected en or es");
    }
}
