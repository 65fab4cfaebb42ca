package clinic.relief.insurance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ICD-10-CM diagnosis code as a claim carries it, written with its dot ("M54.50"). Codes are normalized (upper
 * case, dot after the third character). A code of the wrong shape is refused, and so are the deleted or
 * non-billable category codes the clinic used to see, with the codes to use instead. A well-shaped code outside
 * {@link #COMMON} is accepted: the diagnosis comes from the referring provider, who may use any valid code.
 */
public record Icd10(String code) {

    /** The codes the clinic commonly receives on prescriptions (low back, sciatica, neck, myalgia, spasm, sprain). */
    public static final List<String> COMMON = List.of(
            "M54.50",
            "M54.51",
            "M54.59",
            "M54.30",
            "M54.31",
            "M54.32",
            "M54.40",
            "M54.41",
            "M54.42",
            "M54.2",
            "M54.6",
            "M79.10",
            "M79.11",
            "M79.12",
            "M79.18",
            "M62.838",
            "S13.4XXA",
            "S33.5XXA");

    /** Codes that claims reject, with what to use instead. */
    static final Map<String, String> RETIRED = Map.of(
            "M54.5", "M54.50, M54.51, M54.59",
            "M79.1", "M79.10, M79.11, M79.12, M79.18",
            "M54.3", "M54.30, M54.31, M54.32",
            "M54.4", "M54.40, M54.41, M54.42");

    private static final String SHAPE = "[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?";

    public Icd10 {
        code = normalize(code);
        if (!code.matches(SHAPE)) {
            throw new InvalidCode("icdShape", code, null);
        }
        String instead = RETIRED.get(code);
        if (instead != null) {
            throw new InvalidCode("icdRetired", code, instead);
        }
    }

    static String normalize(String typed) {
        String compact =
                typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(".", "");
        return compact.length() > 3 ? compact.substring(0, 3) + "." + compact.substring(3) : compact;
    }

    /** The code without its dot, as the 837P's HI segment wants it. */
    public String x12() {
        return code.replace(".", "");
    }

    public boolean common() {
        return COMMON.contains(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
