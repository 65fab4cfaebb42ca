package clinic.relief.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's X12 files (999, 277CA, 835) from the templates in {@code demo/x12/}: each {@code {KEY}} is replaced by
 * its value, and {@code {SEGMENTS}} by the transaction set's segment count (ST to SE), so the SE segment is right
 * whatever the number of claims. A key left without a value, or a count that does not add up, is the demo's own bug
 * and stops it.
 */
final class DemoX12 {

    private static final Pattern KEY = Pattern.compile("\\{([A-Z0-9_]+)}");

    private DemoX12() {}

    static String fill(String template, Map<String, String> values) {
        String text = template(template);
        Matcher keys = KEY.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (keys.find()) {
            String key = keys.group(1);
            if (key.equals("SEGMENTS")) {
                keys.appendReplacement(filled, "{SEGMENTS}");
                continue;
            }
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("No value for {" + key + "} in demo/x12/" + template);
            }
            keys.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        keys.appendTail(filled);
        return filled.indexOf("{SEGMENTS}") < 0
                ? filled.toString()
                : filled.toString().replace("{SEGMENTS}", String.valueOf(segmentsInSet(filled.toString())));
    }

    /** ST to SE inclusive. */
    private static int segmentsInSet(String text) {
        String[] segments = text.split("~\n?");
        int st = -1;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("ST*")) {
                st = i;
            } else if (segments[i].startsWith("SE*") && st >= 0) {
                return i - st + 1;
            }
        }
        throw new IllegalStateException("A demo X12 file without ST and SE");
    }

    /** The position of the first segment starting with {@code prefix} in the transaction set (ST is 1), or -1. */
    static int position(String x12, String prefix) {
        String[] segments = x12.split("~\n?");
        int st = -1;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].strip();
            if (segment.startsWith("ST*")) {
                st = i;
            } else if (st >= 0 && segment.startsWith(prefix)) {
                return i - st + 1;
            }
        }
        return -1;
    }

    /** A name as X12 carries it: upper case, without accents, letters, digits, spaces and hyphens only. */
    static String name(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9 -]", "")
                .strip();
    }

    /** An ISA sender or receiver id, padded to its fifteen characters. */
    static String isaId(String id) {
        return String.format("%-15s", id);
    }

    private static String template(String name) {
        try (InputStream in = DemoX12.class.getResourceAsStream("/demo/x12/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo/x12/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
