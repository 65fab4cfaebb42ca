package clinic.relief.patients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of an intake form and its SHA-256: object keys sorted, no white space, strings escaped as
 * RFC 8785 does (only {@code "}, {@code \} and control characters), arrays in the order shown. The same questions,
 * answers and documents always give the same bytes, so the hash stored with a signature can be recomputed from the
 * stored rows. Stateless and thread-safe.
 */
final class CanonicalIntake {

    private CanonicalIntake() {}

    /** What the form shows: its language, questions (as worded) and document versions. */
    static String shown(String language, List<IntakeQuestion> questions, List<SignedIntake.SignedDocument> documents) {
        Map<String, Object> form = new TreeMap<>();
        form.put("language", language);
        form.put("questions", questions.stream().map(CanonicalIntake::question).toList());
        form.put("documents", documents.stream().map(CanonicalIntake::document).toList());
        return json(form);
    }

    /** What is signed: what the form showed, every answer (blank ones as empty text), the typed name and the time. */
    static String signed(
            String language,
            List<IntakeQuestion> questions,
            List<SignedIntake.SignedDocument> documents,
            Map<String, String> answers,
            String signedName,
            Instant signedAt) {
        Map<String, Object> form = new TreeMap<>();
        form.put("language", language);
        form.put("questions", questions.stream().map(CanonicalIntake::question).toList());
        form.put("documents", documents.stream().map(CanonicalIntake::document).toList());
        Map<String, Object> given = new TreeMap<>();
        questions.forEach(q -> given.put(q.id(), answers.getOrDefault(q.id(), "")));
        form.put("answers", given);
        form.put("signedName", signedName);
        form.put("signedAt", signedAt.toString());
        return json(form);
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, Object> question(IntakeQuestion q) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", q.id());
        shown.put("kind", q.kind());
        shown.put("label", q.label());
        shown.put("required", q.required());
        shown.put("section", q.section());
        return shown;
    }

    private static Map<String, Object> document(SignedIntake.SignedDocument d) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("kind", d.kind());
        shown.put("version", d.version());
        return shown;
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> entry : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                out.append(separator);
                string(out, entry.getKey());
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
