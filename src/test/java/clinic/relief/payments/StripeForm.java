package clinic.relief.payments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stripe's request encoding, read back: {@code application/x-www-form-urlencoded} with bracketed keys for nested
 * objects ({@code metadata[fee_id]=...}) and indexed lists ({@code expand[0]=...}), into maps and lists.
 */
final class StripeForm {

    private StripeForm() {}

    static Map<String, Object> parse(String body) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return root;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, segments(key), value);
        }
        return lists(root);
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int bracket = key.indexOf('[');
        segments.add(bracket < 0 ? key : key.substring(0, bracket));
        while (bracket >= 0) {
            int close = key.indexOf(']', bracket);
            segments.add(key.substring(bracket + 1, close));
            bracket = key.indexOf('[', close);
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, List<String> segments, String value) {
        Map<String, Object> at = map;
        for (int i = 0; i < segments.size() - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(segments.get(i), k -> new TreeMap<String, Object>());
        }
        at.put(segments.get(segments.size() - 1), value);
    }

    /** Maps whose keys are all indexes become lists, in index order. */
    @SuppressWarnings("unchecked")
    private static <T> T lists(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return (T) value;
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> converted.put(k, lists(v)));
        boolean indexed = !converted.isEmpty() && converted.keySet().stream().allMatch(k -> k.matches("\\d+"));
        if (indexed) {
            List<Object> list = new ArrayList<>();
            new TreeMap<Integer, Object>(converted.entrySet().stream()
                            .collect(Collectors.toMap(e -> Integer.parseInt(e.getKey()), Map.Entry::getValue)))
                    .values()
                    .forEach(list::add);
            return (T) list;
        }
        return (T) converted;
    }
}
