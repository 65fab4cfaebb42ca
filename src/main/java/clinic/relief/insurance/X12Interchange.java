package clinic.relief.insurance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An inbound X12 interchange split into its transaction sets, with its envelope checked before anything reads the
 * content: the separators the ISA declares (element at position 3, component at 104, segment at 105), one ISA/IEA,
 * GS/GE and ST/SE pairs with matching control numbers and counts, and the transaction type each ST names. A file cut
 * short, written with other separators than it declares, or of another type is refused whole with a reason (a
 * message key suffix of {@link UnreadableRemittance}).
 */
record X12Interchange(char element, char component, List<Transaction> transactions) {

    /** One ST..SE set: its type (ST01), guide version (ST03 or GS08) and segments between ST and SE. */
    record Transaction(String type, String version, List<List<String>> segments) {}

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{1,2}");

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\r\\n]+");

    /** Reads an interchange of any of {@code types}; every set must be of the type the first one names. */
    static X12Interchange readAny(String content, List<String> types) {
        String text = content.stripLeading();
        String first = text.length() > 106 ? firstType(text) : "";
        return read(content, types.contains(first) ? first : types.get(0));
    }

    private static String firstType(String text) {
        char element = text.charAt(3);
        int st = text.indexOf("ST" + element);
        if (st < 0) {
            return "";
        }
        int end = text.indexOf(element, st + 3);
        return end < 0 ? "" : text.substring(st + 3, end);
    }

    static X12Interchange read(String content, String expectedType) {
        String text = content.stripLeading();
        if (!text.startsWith("ISA")) {
            throw new UnreadableRemittance("unreadable");
        }
        if (text.length() < 106) {
            throw new UnreadableRemittance("truncated");
        }
        char element = text.charAt(3);
        char component = text.charAt(104);
        char terminator = text.charAt(105);
        if (Character.isLetterOrDigit(element)
                || element == component
                || element == terminator
                || component == terminator
                || Character.isLetterOrDigit(terminator)
                || text.substring(4, 104).chars().filter(c -> c == element).count() != 15) {
            throw new UnreadableRemittance("separators");
        }
        List<List<String>> segments = new ArrayList<>();
        for (String raw : text.split(Pattern.quote(String.valueOf(terminator)))) {
            String segment = CONTROL_CHARACTER.matcher(raw).replaceAll("").strip();
            if (!segment.isEmpty()) {
                segments.add(List.of(segment.split(Pattern.quote(String.valueOf(element)), -1)));
            }
        }
        // The last segment may be cut short (a truncated file); every other one starts with a segment id.
        if (segments.size() < 3
                || segments.subList(0, segments.size() - 1).stream()
                        .anyMatch(s -> !SEGMENT_ID.matcher(id(s)).matches())) {
            throw new UnreadableRemittance("separators");
        }
        return new X12Interchange(element, component, transactions(segments, expectedType));
    }

    private static List<Transaction> transactions(List<List<String>> segments, String expectedType) {
        List<String> last = segments.get(segments.size() - 1);
        if (!id(last).equals("IEA")) {
            throw new UnreadableRemittance("truncated");
        }
        List<Transaction> found = new ArrayList<>();
        int groups = 0;
        int i = 1;
        while (i < segments.size() - 1) {
            List<String> gs = segments.get(i);
            if (!id(gs).equals("GS")) {
                throw new UnreadableRemittance("layout");
            }
            groups++;
            int sets = 0;
            i++;
            while (i < segments.size() && id(segments.get(i)).equals("ST")) {
                List<String> st = segments.get(i);
                int start = i;
                while (i < segments.size() && !id(segments.get(i)).equals("SE")) {
                    if (List.of("ST", "GE", "IEA").contains(id(segments.get(i))) && i != start) {
                        throw new UnreadableRemittance("truncated");
                    }
                    i++;
                }
                if (i >= segments.size()) {
                    throw new UnreadableRemittance("truncated");
                }
                List<String> se = segments.get(i);
                if (!value(se, 1).equals(String.valueOf(i - start + 1))
                        || !value(se, 2).equals(value(st, 2))) {
                    throw new UnreadableRemittance("counts");
                }
                String type = value(st, 1);
                if (!type.equals(expectedType)) {
                    throw new UnreadableRemittance("wrongType");
                }
                String version = value(st, 3).isEmpty() ? value(gs, 8) : value(st, 3);
                found.add(new Transaction(type, version, List.copyOf(segments.subList(start + 1, i))));
                sets++;
                i++;
            }
            if (i >= segments.size() || !id(segments.get(i)).equals("GE")) {
                throw new UnreadableRemittance("truncated");
            }
            if (!value(segments.get(i), 1).equals(String.valueOf(sets))) {
                throw new UnreadableRemittance("counts");
            }
            i++;
        }
        if (!value(last, 1).equals(String.valueOf(groups))) {
            throw new UnreadableRemittance("counts");
        }
        if (found.isEmpty()) {
            throw new UnreadableRemittance("noClaims");
        }
        return found;
    }

    static String id(List<String> segment) {
        return segment.get(0);
    }

    /** Element {@code n} of a segment (1 is the first after the id), stripped; empty when absent. */
    static String value(List<String> segment, int n) {
        return n < segment.size() ? segment.get(n).strip() : "";
    }
}
