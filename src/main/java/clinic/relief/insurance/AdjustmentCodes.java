package clinic.relief.insurance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The meaning of the common claim adjustment reason codes (CARC, CAS02...) and remark codes (RARC, MOA and LQ), and
 * of a 277CA's claim status codes (category, status, entity), each in English and Spanish, read from
 * {@code insurance/adjustment-codes.tsv}; a code not in the table has no meaning to show (empty).
 */
@Component
public class AdjustmentCodes {

    private final Map<String, String> meanings = new HashMap<>();
    private final Map<String, String> spanish = new HashMap<>();

    AdjustmentCodes() {
        try (InputStream in = AdjustmentCodes.class.getResourceAsStream("/insurance/adjustment-codes.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 4))
                    .forEach(cols -> {
                        meanings.put(cols[0] + ":" + cols[1], cols[2].strip());
                        if (cols.length == 4) {
                            spanish.put(cols[0] + ":" + cols[1], cols[3].strip());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The meaning of a claim adjustment reason code, empty when not in the table. */
    public String reason(String code) {
        return reason(code, Locale.ENGLISH);
    }

    /** As {@link #reason(String)}, in Spanish for a Spanish locale (English where the table has no Spanish). */
    public String reason(String code, Locale locale) {
        return meaning("CARC:" + code, locale);
    }

    /**
     * The meaning of a 277CA's status codes as the claim keeps them ({@code A7:562:85}: category, status, entity),
     * each part that is in the table; empty when none is (or for a 999's segment in error, which says itself).
     */
    public String claimStatus(String codes) {
        return claimStatus(codes, Locale.ENGLISH);
    }

    /** As {@link #claimStatus(String)}, in Spanish for a Spanish locale (English where the table has no Spanish). */
    public String claimStatus(String codes, Locale locale) {
        boolean inSpanish = locale.getLanguage().equals("es");
        String[] parts = codes.strip().split(":");
        String[] lists = {"CSCC", "CSC", "EIC"};
        List<String> meant = new ArrayList<>();
        for (int i = 0; i < Math.min(parts.length, lists.length); i++) {
            String key = lists[i] + ":" + parts[i].strip();
            String meaning = inSpanish && spanish.containsKey(key) ? spanish.get(key) : meanings.get(key);
            if (meaning != null) {
                meant.add(meaning);
            }
        }
        return String.join("; ", meant);
    }

    /** The meaning of a remittance advice remark code, empty when not in the table. */
    public String remark(String code) {
        return remark(code, Locale.ENGLISH);
    }

    /** As {@link #remark(String)}, in Spanish for a Spanish locale (English where the table has no Spanish). */
    public String remark(String code, Locale locale) {
        return meaning("RARC:" + code, locale);
    }

    private String meaning(String key, Locale locale) {
        if (locale.getLanguage().equals("es") && spanish.containsKey(key)) {
            return spanish.get(key);
        }
        return meanings.getOrDefault(key, "");
    }
}
