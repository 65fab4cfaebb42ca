package clinic.relief.insurance;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/** One X12 file in the log: what it was, where it came from, when, and what became of it. */
public record X12File(
        UUID id,
        Kind kind,
        Source source,
        String name,
        Instant receivedAt,
        Outcome outcome,
        String problem,
        String detail) {

    /** The transaction a file carries. */
    public enum Kind {
        REMITTANCE_835("835"),
        ACKNOWLEDGMENT_999("999"),
        CLAIM_ACK_277CA("277CA"),
        CLAIMS_837("837"),
        ELIGIBILITY_270("270"),
        ELIGIBILITY_271("271");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind of(String code) {
            return Arrays.stream(values())
                    .filter(k -> k.code.equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown X12 file kind " + code));
        }
    }

    /** How the file reached the app. */
    public enum Source {
        UPLOAD,
        SFTP,
        API
    }

    /** POSTED: read and applied (wholly); REFUSED: nothing applied, may be posted again; SENT: an 837 uploaded. */
    public enum Outcome {
        POSTED,
        REFUSED,
        SENT
    }

    /** A file as it arrives: its kind, source, name and text. */
    public record Received(Kind kind, Source source, String name, String content) {

        public Received {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(content, "content");
            name = name == null || name.isBlank() ? kind.code() : name.strip();
            if (name.length() > 255) {
                name = name.substring(0, 255);
            }
        }
    }
}
