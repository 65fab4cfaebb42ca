package clinic.relief.insurance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

/**
 * An eligibility response, X12 271 (005010X279A1), read with StAEDI against the module's schema ({@code
 * insurance/x12/271.xml}) after {@link X12Interchange} has checked its envelope: a file cut short, of another
 * transaction type or breaking the schema (a segment out of place, an element too long, a letter in an amount) is
 * {@link UnreadableRemittance} with a reason. Each subscriber or dependant answered (HL 22 or 23) is an {@link Answer}:
 * its trace number, member id, the payer's AAA rejections and its EB benefits.
 */
record Eligibility271(String payerId, List<Rejection> rejections, List<Answer> answers, List<String> problems) {

    private static final Schema SCHEMA = Eligibility270.schema("insurance/x12/271.xml");

    /** An AAA segment: the request could not be answered (AAA03 the reason, AAA04 what to do next). */
    record Rejection(String code, String followUp) {}

    /** An EB segment with the HSD segments under it. */
    record Benefit(
            String code,
            String level,
            List<String> serviceTypes,
            String timePeriod,
            Optional<BigDecimal> amount,
            Optional<BigDecimal> percent,
            String quantityQualifier,
            Optional<BigDecimal> quantity,
            String network,
            String planName) {}

    /** One member's answer. */
    record Answer(String trace, String memberId, List<Rejection> rejections, List<Benefit> benefits) {

        /** EB01 1 to 5 is active coverage, 6 to 8 inactive; empty when the answer has neither. */
        Optional<Boolean> active() {
            if (benefits.stream().anyMatch(b -> List.of("1", "2", "3", "4", "5").contains(b.code()))) {
                return Optional.of(true);
            }
            if (benefits.stream().anyMatch(b -> List.of("6", "7", "8").contains(b.code()))) {
                return Optional.of(false);
            }
            return Optional.empty();
        }

        String planName() {
            return benefits.stream()
                    .filter(b -> List.of("1", "2", "3", "4", "5").contains(b.code()))
                    .map(Benefit::planName)
                    .filter(name -> !name.isEmpty())
                    .findFirst()
                    .orElse("");
        }

        /** The copay (EB01 B) for the clinic's service types, in network. */
        Optional<BigDecimal> copay() {
            return best("B", b -> b.amount().isPresent()).flatMap(Benefit::amount);
        }

        /** The coinsurance (EB01 A) as a percentage (payers send 0.2 or 20 for twenty percent). */
        Optional<BigDecimal> coinsurancePercent() {
            return best("A", b -> b.percent().isPresent())
                    .flatMap(Benefit::percent)
                    .map(p -> p.compareTo(BigDecimal.ONE) <= 0 ? p.movePointRight(2) : p);
        }

        /** The deductible for the plan or service year (EB01 C, EB06 22, 23 or 25). */
        Optional<BigDecimal> deductible() {
            return best(
                            "C",
                            b -> List.of("22", "23", "25").contains(b.timePeriod())
                                    && b.amount().isPresent())
                    .flatMap(Benefit::amount);
        }

        /** What is left of the deductible (EB01 C, EB06 29). */
        Optional<BigDecimal> deductibleRemaining() {
            return best("C", b -> b.timePeriod().equals("29") && b.amount().isPresent())
                    .flatMap(Benefit::amount);
        }

        /** The visits allowed (a limitation, EB01 F, of EB09 VS visits, or an HSD VS under it), not the remainder. */
        Optional<Integer> visitsAllowed() {
            return visits(b -> !b.timePeriod().equals("29"));
        }

        /** The visits left (EB06 29). */
        Optional<Integer> visitsRemaining() {
            return visits(b -> b.timePeriod().equals("29"));
        }

        private Optional<Integer> visits(Predicate<Benefit> period) {
            return best(
                            "F",
                            b -> period.test(b)
                                    && b.quantityQualifier().equals("VS")
                                    && b.quantity().isPresent())
                    .flatMap(Benefit::quantity)
                    .map(BigDecimal::intValue);
        }

        /**
         * The benefit of the code that applies to the clinic's service types, in network (EB12 Y or not stated, never
         * N), for the individual before the family: physical medicine (AE) before physical therapy (PT) before the
         * plan's general answer (30 or no service type).
         */
        private Optional<Benefit> best(String code, Predicate<Benefit> usable) {
            return benefits.stream()
                    .filter(b -> b.code().equals(code) && usable.test(b))
                    .filter(b -> !b.network().equals("N"))
                    .filter(b -> rank(b) < Integer.MAX_VALUE)
                    .min(Comparator.comparingInt(Answer::rank)
                            .thenComparingInt(b -> b.level().equals("FAM") ? 1 : 0));
        }

        private static int rank(Benefit b) {
            if (b.serviceTypes().isEmpty()) {
                return 3;
            }
            return b.serviceTypes().stream()
                    .mapToInt(type -> switch (type) {
                        case "AE" -> 0;
                        case "PT" -> 1;
                        case "30" -> 2;
                        default -> Integer.MAX_VALUE;
                    })
                    .min()
                    .orElse(Integer.MAX_VALUE);
        }
    }

    /** One segment as StAEDI read it: element n's repetitions (components joined with ':'). */
    private record Segment(String id, Map<Integer, List<String>> elements) {

        String value(int n) {
            List<String> values = elements.get(n);
            return values == null || values.isEmpty() ? "" : values.get(0).strip();
        }

        List<String> values(int n) {
            return elements.getOrDefault(n, List.of()).stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
        }
    }

    static Eligibility271 read(String content) {
        X12Interchange.read(content, "271");
        List<Segment> segments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(content.strip().getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1.name())) {
            String id = "";
            Map<Integer, List<String>> elements = new TreeMap<>();
            StringBuilder composite = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> reader.setTransactionSchema(SCHEMA);
                    case START_SEGMENT -> {
                        id = reader.getText();
                        elements = new TreeMap<>();
                    }
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case ELEMENT_DATA -> {
                        Location at = reader.getLocation();
                        if (composite != null) {
                            int component = Math.max(1, at.getComponentPosition());
                            long written =
                                    composite.chars().filter(c -> c == ':').count() + 1;
                            while (composite.length() > 0 && written < component) {
                                composite.append(':');
                                written++;
                            }
                            composite.append(reader.getText());
                        } else {
                            elements.computeIfAbsent(at.getElementPosition(), n -> new ArrayList<>())
                                    .add(reader.getText());
                        }
                    }
                    case END_COMPOSITE -> {
                        if (composite != null) {
                            elements.computeIfAbsent(reader.getLocation().getElementPosition(), n -> new ArrayList<>())
                                    .add(composite.toString());
                        }
                        composite = null;
                    }
                    case END_SEGMENT -> segments.add(new Segment(id, elements));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(problem(reader));
                    default -> {
                        // envelope, loops and groups: nothing to keep
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException unreadable) {
            throw new UnreadableRemittance("unreadable");
        }
        if (!problems.isEmpty()) {
            return new Eligibility271("", List.of(), List.of(), problems);
        }
        return interpret(segments);
    }

    private static String problem(EDIStreamReader reader) {
        Location at = reader.getLocation();
        String where = at.getSegmentTag() == null ? "" : at.getSegmentTag();
        if (at.getElementPosition() > 0) {
            where += String.format("%02d", at.getElementPosition());
        }
        return where + " " + reader.getErrorType().name().toLowerCase().replace('_', ' ') + " (segment "
                + at.getSegmentPosition() + ")";
    }

    private static Eligibility271 interpret(List<Segment> segments) {
        String payerId = "";
        List<Rejection> fileRejections = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        String subscriberId = "";
        String subscriberTrace = "";
        String level = "";
        String trace = "";
        String memberId = "";
        List<Rejection> rejections = new ArrayList<>();
        List<Benefit> benefits = new ArrayList<>();
        boolean inLs = false;
        for (Segment s : segments) {
            switch (s.id()) {
                case "HL" -> {
                    if (List.of("22", "23").contains(level)) {
                        answers.add(new Answer(trace, memberId, rejections, benefits));
                    }
                    level = s.value(3);
                    rejections = new ArrayList<>();
                    benefits = new ArrayList<>();
                    trace = level.equals("23") ? subscriberTrace : "";
                    memberId = level.equals("23") ? subscriberId : "";
                    inLs = false;
                }
                case "TRN" -> {
                    if (s.value(1).equals("2") && trace.isEmpty()) {
                        trace = s.value(2);
                        if (level.equals("22")) {
                            subscriberTrace = trace;
                        }
                    }
                }
                case "NM1" -> {
                    if (inLs) {
                        continue;
                    }
                    if (s.value(1).equals("PR")) {
                        payerId = s.value(9);
                    } else if (s.value(1).equals("IL")) {
                        memberId = s.value(9);
                        subscriberId = memberId;
                    }
                }
                case "AAA" -> {
                    Rejection rejection = new Rejection(s.value(3), s.value(4));
                    if (List.of("22", "23").contains(level)) {
                        rejections.add(rejection);
                    } else {
                        fileRejections.add(rejection);
                    }
                }
                case "EB" -> {
                    if (!List.of("22", "23").contains(level)) {
                        continue;
                    }
                    benefits.add(new Benefit(
                            s.value(1),
                            s.value(2),
                            s.values(3),
                            s.value(6),
                            number(s.value(7)),
                            number(s.value(8)),
                            s.value(9),
                            number(s.value(10)),
                            s.value(12),
                            s.value(5)));
                    inLs = false;
                }
                case "HSD" -> {
                    // A visit limit written as HSD*VS*n under an EB: the EB's quantity.
                    if (!benefits.isEmpty()
                            && s.value(1).equals("VS")
                            && number(s.value(2)).isPresent()) {
                        Benefit b = benefits.get(benefits.size() - 1);
                        benefits.add(new Benefit(
                                "F",
                                b.level(),
                                b.serviceTypes(),
                                b.timePeriod().isEmpty() ? s.value(5) : b.timePeriod(),
                                b.amount(),
                                b.percent(),
                                "VS",
                                number(s.value(2)),
                                b.network(),
                                b.planName()));
                    }
                }
                case "LS" -> inLs = true;
                case "LE" -> inLs = false;
                default -> {
                    // DTP, REF, MSG, III and the rest: not used
                }
            }
        }
        if (List.of("22", "23").contains(level)) {
            answers.add(new Answer(trace, memberId, rejections, benefits));
        }
        return new Eligibility271(payerId, fileRejections, answers, List.of());
    }

    private static Optional<BigDecimal> number(String value) {
        if (value.isEmpty() || !value.matches("-?[0-9]{0,15}(\\.[0-9]{0,6})?") || value.equals(".")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }
}
