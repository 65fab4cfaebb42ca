package clinic.relief.insurance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The meaning of the common claim adjustment reason codes (CARC, CAS02...) and remark codes (RARC, MOA and LQ), read
 * from {@code insurance/adjustment-codes.tsv}; a code not in the table has no meaning to show (empty).
 */
@Component
public class AdjustmentCodes {

    private final Map<String, String> meanings = new HashMap<>();

    AdjustmentCodes() {
        try (InputStream in = AdjustmentCodes.class.getResourceAsStream("/insurance/adjustment-codes.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 3))
                    .forEach(cols -> meanings.put(cols[0] + ":" + cols[1], cols[2].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The meaning of a claim adjustment reason code, empty when not in the table. */
    public String reason(String code) {
        return meanings.getOrDefault("CARC:" + code, "");
    }

    /** The meaning of a remittance advice remark code, empty when not in the table. */
    public String remark(String code) {
        return meanings.getOrDefault("RARC:" + code, "");
    }
}
