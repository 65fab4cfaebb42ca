package clinic.relief.insurance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import static clinic.relief.insurance.X12Segments.text;

/**
 * Writes an eligibility inquiry, X12 270 (005010X279A1), for one coverage with StAEDI, checked against the module's
 * schema ({@code insurance/x12/270.xml}) and X12's control schema as it is written: the payer (2100A), the clinic as
 * information receiver by its NPI (2100B; the billing provider, whose NPI the payer knows from its claims), the
 * subscriber (2100C) and, for a dependant, the patient (2000D/2100D), with the date of service and the service types
 * the clinic's massage is billed under ({@link #SERVICE_TYPES}). Stateless and thread-safe.
 */
final class Eligibility270 {

    /**
     * The service types asked about (EQ01): {@code 30} (health benefit plan coverage, the one every payer must answer),
     * {@code AE} (physical medicine: CPT 97124 massage and 97140 manual therapy sit in CPT's physical medicine and
     * rehabilitation section) and {@code PT} (physical therapy, under which many plans limit those visits).
     * Chiropractic (33) and occupational therapy (AD) are other providers' benefits, not asked.
     */
    static final List<String> SERVICE_TYPES = List.of("30", "AE", "PT");

    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmm");

    private final ClinicProfile.Billing billing;
    private final Schema schema;
    private final Schema control;

    Eligibility270(ClinicProfile.Billing billing) {
        this.billing = billing;
        this.schema = schema("insurance/x12/270.xml");
        try {
            this.control = SchemaFactory.newFactory()
                    .getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"});
        } catch (EDISchemaException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static Schema schema(String resource) {
        try (InputStream in = Eligibility270.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException broken) {
            throw new IllegalStateException("Cannot load " + resource, broken);
        }
    }

    /**
     * The 270 for the coverage of the patient on {@code dateOfService}, traced by {@code trace} (TRN02, echoed by
     * the 271), with interchange control number {@code control}.
     */
    String write(
            Coverage coverage,
            Patient patient,
            LocalDate dateOfService,
            String trace,
            long controlNumber,
            ZonedDateTime at,
            boolean production) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        String number = String.format("%09d", controlNumber);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name());
            w.setControlSchema(control);
            w.startInterchange();
            segment(
                    w,
                    "ISA",
                    "00",
                    " ".repeat(10),
                    "00",
                    " ".repeat(10),
                    "ZZ",
                    pad(billing.submitterId()),
                    "ZZ",
                    pad(billing.receiverId()),
                    at.format(DateTimeFormatter.ofPattern("yyMMdd")),
                    at.format(TM),
                    "^",
                    "00501",
                    number,
                    "0",
                    production ? "P" : "T",
                    ":");
            segment(
                    w,
                    "GS",
                    "HS",
                    text(billing.submitterId()),
                    text(billing.receiverId()),
                    at.format(D8),
                    at.format(TM),
                    String.valueOf(controlNumber),
                    "X",
                    "005010X279A1");
            w.setTransactionSchema(schema);
            int count = 0;
            count += segment(w, "ST", "270", "0001", "005010X279A1");
            count += segment(w, "BHT", "0022", "13", trace, at.format(D8), at.format(TM));
            count += segment(w, "HL", "1", "", "20", "1");
            count += segment(w, "NM1", "PR", "2", name(coverage.payerName()), "", "", "", "", "PI", coverage.payerId());
            count += segment(w, "HL", "2", "1", "21", "1");
            count += segment(w, "NM1", "1P", "2", name(billing.legalName()), "", "", "", "", "XX", billing.npi());
            Subscriber s = coverage.subscriber();
            boolean self = s.relationship() == Relationship.SELF;
            count += segment(w, "HL", "3", "2", "22", self ? "0" : "1");
            if (self) {
                count += segment(w, "TRN", "1", trace, "9" + billing.taxIdDigits());
            }
            count += segment(
                    w,
                    "NM1",
                    "IL",
                    "1",
                    text(s.lastName()),
                    text(s.firstName()),
                    "",
                    "",
                    "",
                    "MI",
                    coverage.memberId());
            if (!coverage.groupNumber().isBlank()) {
                count += segment(w, "REF", "6P", text(coverage.groupNumber()));
            }
            if (s.birthDate() != null) {
                count += segment(w, "DMG", "D8", s.birthDate().format(D8), sex(s.sex()));
            }
            if (self) {
                count += inquiry(w, dateOfService);
            } else {
                count += segment(w, "HL", "4", "3", "23", "0");
                count += segment(w, "TRN", "1", trace, "9" + billing.taxIdDigits());
                count += segment(w, "NM1", "03", "1", text(patient.lastName()), text(patient.firstName()));
                if (patient.dateOfBirth() != null) {
                    count += segment(
                            w,
                            "DMG",
                            "D8",
                            patient.dateOfBirth().format(D8),
                            patient.sex() == null ? "" : patient.sex().code());
                }
                count += inquiry(w, dateOfService);
            }
            segment(w, "SE", String.valueOf(count + 1), "0001");
            w.setTransactionSchema(null);
            segment(w, "GE", "1", String.valueOf(controlNumber));
            segment(w, "IEA", "1", number);
            w.endInterchange();
            w.close();
        } catch (EDIStreamException failed) {
            throw new IllegalStateException("270 not written: " + failed.getMessage(), failed);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int inquiry(EDIStreamWriter w, LocalDate dateOfService) throws EDIStreamException {
        segment(w, "DTP", "291", "D8", dateOfService.format(D8));
        w.writeStartSegment("EQ");
        for (int i = 0; i < SERVICE_TYPES.size(); i++) {
            if (i > 0) {
                w.writeRepeatElement();
            } else {
                w.writeStartElement();
            }
            w.writeElementData(SERVICE_TYPES.get(i));
            w.endElement();
        }
        w.writeEndSegment();
        return 2;
    }

    /** Writes a segment, leaving out trailing empty elements; counts 1. */
    private static int segment(EDIStreamWriter w, String id, String... elements) throws EDIStreamException {
        int last = elements.length;
        while (last > 0 && elements[last - 1].isEmpty()) {
            last--;
        }
        w.writeStartSegment(id);
        for (int i = 0; i < last; i++) {
            if (elements[i].isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(elements[i]);
            }
        }
        w.writeEndSegment();
        return 1;
    }

    private static String sex(String code) {
        return code == null || !List.of("F", "M").contains(code) ? "" : code;
    }

    private static String name(String value) {
        String plain = text(value);
        return plain.length() > 60 ? plain.substring(0, 60) : plain;
    }

    private static String pad(String id) {
        String value = text(id);
        return value.length() >= 15 ? value.substring(0, 15) : value + " ".repeat(15 - value.length());
    }
}
