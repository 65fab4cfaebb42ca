package clinic.relief.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.web.util.UriUtils;

/**
 * Hostile values for request parameters, path variables, headers and JSON fields, by the Java type that receives
 * them: wrong types, empty and huge values, control characters, invalid UTF-8 percent-encodings, far dates, huge
 * numbers. Every value is already percent-encoded for a query string or form body. Mixed with plausible values
 * ({@link #plausible}) so that a request gets past its first check now and then.
 */
final class HostileValues {

    /** Raw percent-encodings that are not UTF-8: a lone surrogate, an overlong slash, a stray byte, a cut sequence. */
    static final List<String> INVALID_UTF8 = List.of("%ED%A0%80", "%C0%AF", "%FF", "%E2%82");

    private static final List<String> STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u0001\u0007\u001b[31m\u007f",
            "line\r\nInjected: header",
            "x".repeat(5000),
            "<script>alert(1)</script>",
            "' or '1'='1",
            "%",
            "😀 ñandú",
            "-1",
            "1E+3000000",
            "+999999999-12-31",
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "NaN",
            "x|y",
            "|",
            ":",
            "trigger-point:99999999999");
    private static final List<String> UUIDS =
            List.of("", "not-a-uuid", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000", "\u0000", "x".repeat(300));
    private static final List<String> DATES =
            List.of("", "+999999999-12-31", "-999999999-01-01", "2026-02-30", "0000-01-01", "tomorrow", "99999-01-01");
    private static final List<String> INSTANTS =
            List.of("", "+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-12-17T17:00:00", "soon");
    private static final List<String> INTEGERS =
            List.of("", "1E+3000000", "-2147483649", "99999999999999999999", "-1", "0", "abc", "2147483647");
    private static final List<String> DECIMALS =
            List.of("", "1E+3000000", "1e-3000000", "-0.001", "99999999999999999999999999.99", "NaN", "0x10", "-0");
    private static final List<String> BOOLEANS = List.of("", "maybe", "true", "false", "\u0000");

    private final Random random;
    private final Map<String, List<String>> plausible;

    /** {@code plausible}: values by parameter name that a real client would send (ids of real rows, a real slot). */
    HostileValues(Random random, Map<String, List<String>> plausible) {
        this.random = random;
        this.plausible = plausible;
    }

    /** An encoded value for a parameter of this name and type: hostile about two times in three. */
    String encoded(String name, Class<?> type) {
        List<String> known = plausible.get(name);
        if (known != null && random.nextInt(3) == 0) {
            return encode(pick(known));
        }
        if (random.nextInt(8) == 0) {
            return pick(INVALID_UTF8);
        }
        return encode(raw(type));
    }

    /** A hostile raw (not yet encoded) value for a receiver of this type. */
    String raw(Class<?> type) {
        if (type == UUID.class) {
            return random.nextBoolean() ? pick(UUIDS) : UUID.randomUUID().toString();
        }
        if (type == LocalDate.class || type == LocalDateTime.class) {
            return pick(DATES);
        }
        if (type == Instant.class) {
            return pick(INSTANTS);
        }
        if (type == LocalTime.class) {
            return pick(List.of("", "25:00", "09:00", "-1:00", "9"));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return pick(INTEGERS);
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return pick(DECIMALS);
        }
        if (type == boolean.class || type == Boolean.class) {
            return pick(BOOLEANS);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return random.nextBoolean() ? "NOPE" : constants[random.nextInt(constants.length)].toString();
        }
        return pick(STRINGS);
    }

    /** A hostile JSON literal for a field of this type. */
    String json(Class<?> type) {
        return switch (random.nextInt(6)) {
            case 0 -> "null";
            case 1 -> pick(List.of("[]", "{}", "1E+3000000", "-1", "true", "\"\""));
            default ->
                type == int.class || type == Integer.class || type == long.class
                        ? pick(List.of("1E+3000000", "99999999999", "-1", "0", "60", "1.5"))
                        : quote(raw(type));
        };
    }

    /** Bytes for an uploaded file: text with NUL bytes, invalid UTF-8, binary noise or nothing. */
    byte[] file() {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "ISA*00*\u0000~ST*835*0001~".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 0, 0x7f, (byte) 0xff};
            default -> {
                byte[] noise = new byte[random.nextInt(2000)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String encode(String raw) {
        return UriUtils.encode(raw, StandardCharsets.UTF_8);
    }

    private static String quote(String raw) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
