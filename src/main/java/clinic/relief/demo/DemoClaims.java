package clinic.relief.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.insurance.Acknowledgments;
import clinic.relief.insurance.Claim;
import clinic.relief.insurance.ClaimDesk;
import clinic.relief.insurance.ClaimFiles;
import clinic.relief.insurance.CoverageForm;
import clinic.relief.insurance.Insurance;
import clinic.relief.insurance.PrescriptionForm;
import clinic.relief.insurance.Relationship;
import clinic.relief.insurance.Remittances;
import clinic.relief.insurance.X12File;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Sex;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's PPO patients and their claims, one in each state the claims pages show: a draft, a ready claim, and a
 * batch submitted to the payer whose answers come back as the clearinghouse would send them (a 277CA accepting one
 * claim and another rejecting one, a 999 rejecting one, and an 835 paying one, partly paying one and denying one).
 * Everything goes through the insurance module's own services and X12 readers, as the desk's uploads would.
 */
@Component
@Profile("demo")
class DemoClaims {

    /** The states, in the order the insured demo patients are given them (one claim each). */
    enum Fate {
        DRAFT,
        READY,
        ACCEPTED_277CA,
        REJECTED_999,
        REJECTED_277CA,
        PAID,
        PARTLY_PAID,
        DENIED
    }

    private final Insurance insurance;
    private final ClaimDesk desk;
    private final ClaimFiles files;
    private final Acknowledgments acknowledgments;
    private final Remittances remittances;
    private final AppointmentBook appointments;

    DemoClaims(
            Insurance insurance,
            ClaimDesk desk,
            ClaimFiles files,
            Acknowledgments acknowledgments,
            Remittances remittances,
            AppointmentBook appointments) {
        this.insurance = insurance;
        this.desk = desk;
        this.files = files;
        this.acknowledgments = acknowledgments;
        this.remittances = remittances;
        this.appointments = appointments;
    }

    /**
     * Gives the first patients (in the order given) who have a completed visit before {@code today} a PPO coverage
     * and a prescription from {@code since}, and a claim for their last such visit, one per {@link Fate}.
     */
    void write(List<Patient> patients, LocalDate since, LocalDate today, ZoneId zone) {
        List<Claim> claims = new ArrayList<>();
        for (Patient patient : patients) {
            if (claims.size() == Fate.values().length) {
                break;
            }
            List<AppointmentView> visits = appointments.ofPatient(patient.id()).stream()
                    .filter(a -> a.status() == AppointmentStatus.COMPLETED)
                    .filter(a -> a.start().atZone(zone).toLocalDate().isBefore(today))
                    .toList();
            if (visits.isEmpty()) {
                continue;
            }
            insurance.recordCoverage(patient.id(), coverage(patient, claims.size(), since, today));
            insurance.recordPrescription(patient.id(), prescription(since, today));
            try {
                claims.add(desk.draft(visits.get(0).id()));
            } catch (RuntimeException notBillable) {
                // A free follow-up (a relief-guarantee voucher) is not billed to the payer: the next patient's is.
            }
        }
        if (claims.size() < Fate.values().length) {
            return;
        }
        // Everything from ACCEPTED_277CA on goes out in one batch; READY is marked after it, DRAFT stays a draft.
        for (Fate fate : Fate.values()) {
            if (fate.ordinal() >= Fate.ACCEPTED_277CA.ordinal()) {
                desk.markReady(claims.get(fate.ordinal()).id());
            }
        }
        files.submitBatch();
        desk.markReady(claims.get(Fate.READY.ordinal()).id());
        acknowledgments.importFile(
                example("277CA-accepted.txt", claim(claims, Fate.ACCEPTED_277CA)),
                X12File.Source.UPLOAD,
                "demo-accepted.277");
        acknowledgments.importFile(
                example("999-partly-accepted.txt", claim(claims, Fate.REJECTED_999)),
                X12File.Source.UPLOAD,
                "demo.999");
        acknowledgments.importFile(
                example("277CA-rejected.txt", claim(claims, Fate.REJECTED_277CA)),
                X12File.Source.UPLOAD,
                "demo-rejected.277");
        remittances.importFile(new DemoRemittance("DEMO835")
                .paid(claim(claims, Fate.PAID), "25.00")
                .partlyPaid(claim(claims, Fate.PARTLY_PAID), "25.00")
                .denied(claim(claims, Fate.DENIED))
                .build(today));
    }

    private static Claim claim(List<Claim> claims, Fate fate) {
        return claims.get(fate.ordinal());
    }

    /** A PPO plan from {@code since}, open-ended, $25 copay and 20 % coinsurance, the deductible met. */
    private static CoverageForm coverage(Patient patient, int n, LocalDate since, LocalDate today) {
        return new CoverageForm(
                n % 2 == 0 ? "Blue Shield of California" : "Anthem Blue Cross",
                n % 2 == 0 ? "BS001" : "BC040",
                "PPO",
                "DEMO" + String.format("%06d", 100 + n),
                "G-7788",
                Relationship.SELF,
                patient.firstName(),
                patient.lastName(),
                patient.dateOfBirth(),
                patient.sex() == Sex.FEMALE ? "F" : "M",
                (100 + n) + " Ocean Ave",
                "Torrance",
                "CA",
                "90501",
                new BigDecimal("25.00"),
                new BigDecimal("20"),
                new BigDecimal("500.00"),
                new BigDecimal("500.00"),
                since.withDayOfYear(1),
                24,
                0,
                "AUTH-" + (500 + n),
                24,
                since,
                today.plusDays(90),
                false,
                since,
                null);
    }

    private static PrescriptionForm prescription(LocalDate since, LocalDate today) {
        return new PrescriptionForm(
                "Alan", "Grant", "1234567893", "M54.50, M62.838", "2x/week", 24, since, today.plusDays(90));
    }

    /** A 999 or 277CA from the published examples, naming this claim (and, where a second one is named, nobody). */
    private static String example(String name, Claim claim) {
        try (InputStream in = DemoClaims.class.getResourceAsStream("/demo/x12/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{A}", claim.claimId())
                    .replace("{B}", claim.claimId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small 835 (005010X221A1): one payer's payment with a CLP loop per claim. */
    private static final class DemoRemittance {

        private final StringBuilder claims = new StringBuilder();
        private final String trace;
        private int count;

        DemoRemittance(String trace) {
            this.trace = trace;
        }

        /** Paid in full: the payer pays the charge less the copay, which the patient owes. */
        DemoRemittance paid(Claim claim, String copay) {
            BigDecimal charge = claim.charge().amount();
            BigDecimal patient = new BigDecimal(copay);
            return clp(claim, "1", charge, charge.subtract(patient), patient, "PR*3*" + copay);
        }

        /** Partly paid: the payer pays less than the charge, less the copay, without saying why. */
        DemoRemittance partlyPaid(Claim claim, String copay) {
            BigDecimal charge = claim.charge().amount();
            BigDecimal patient = new BigDecimal(copay);
            BigDecimal paid = charge.subtract(patient).divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            return clp(claim, "1", charge, paid, patient, "PR*3*" + copay);
        }

        /** Denied: nothing paid, the whole charge adjusted as not medically necessary (CO 50). */
        DemoRemittance denied(Claim claim) {
            BigDecimal charge = claim.charge().amount();
            return clp(claim, "4", charge, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), "CO*50*" + charge);
        }

        private DemoRemittance clp(
                Claim claim, String status, BigDecimal charge, BigDecimal paid, BigDecimal patient, String cas) {
            count++;
            claims.append("LX*").append(count).append("~\n");
            claims.append("CLP*")
                    .append(claim.claimId())
                    .append('*')
                    .append(status)
                    .append('*')
                    .append(charge.toPlainString())
                    .append('*')
                    .append(paid.toPlainString())
                    .append('*')
                    .append(patient.toPlainString())
                    .append("*12*PAYER")
                    .append(claim.claimId())
                    .append("~\n");
            claims.append("CAS*").append(cas).append("~\n");
            claims.append("NM1*QC*1*DEMO*PATIENT****MI*DEMO").append(count).append("~\n");
            return this;
        }

        String build(LocalDate today) {
            String date = today.toString().replace("-", "");
            String body = "ST*835*0001*005010X221A1~\n"
                    + "BPR*I*100.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*" + date
                    + "~\n"
                    + "TRN*1*" + trace + "*1512345678~\n"
                    + "DTM*405*" + date + "~\n"
                    + "N1*PR*BLUE SHIELD OF CALIFORNIA~\n"
                    + "N3*PO BOX 1~\n"
                    + "N4*SAN FRANCISCO*CA*94105~\n"
                    + "PER*BL*PROVIDER SERVICES*TE*8005551234~\n"
                    + "N1*PE*RELIEF DEMO CLINIC*XX*1245319599~\n"
                    + claims;
            int segments = body.split("~\n").length + 1;
            return "ISA*00*          *00*          *ZZ*BS001          *ZZ*RELIEF01       *" + date.substring(2)
                    + "*1200*^*00501*000000078*0*P*:~\n"
                    + "GS*HP*BS001*RELIEF01*" + date + "*1200*78*X*005010X221A1~\n"
                    + body
                    + "SE*" + segments + "*0001~\n"
                    + "GE*1*78~\n"
                    + "IEA*1*000000078~\n";
        }
    }
}
