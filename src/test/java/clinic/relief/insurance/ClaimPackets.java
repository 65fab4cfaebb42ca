package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Sex;
import clinic.relief.shared.Money;

/** Claim packets for writer, reader and PDF tests, without a database: claim {@code n} of a batch. */
final class ClaimPackets {

    static final ClinicProfile.Billing BILLING = new ClinicProfile.Billing(
            "Massage Revolution LLC",
            "1245319599",
            "95-1234567",
            "225700000X",
            new ClinicProfile.Address("1200 Example Avenue", "Redondo Beach", "CA", "902771234", "US"),
            "Front Desk",
            "RELIEF01",
            "Example Clearinghouse",
            "CLEARHOUSE01",
            false,
            null,
            null,
            null);

    static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    private ClaimPackets() {}

    /** Claim number 1000 + n; odd claims are for a dependent child, every third has two lines. */
    static ClaimPacket packet(int n) {
        UUID patientId = UUID.nameUUIDFromBytes(("patient" + n).getBytes());
        Patient patient =
                new Patient(patientId, "Rosa" + n, "Garcia", null, null, LocalDate.of(2010, 1, 5), Sex.FEMALE, "en");
        Relationship relationship = n % 2 == 1 ? Relationship.CHILD : Relationship.SELF;
        Subscriber subscriber = new Subscriber(
                relationship,
                "Luis",
                "Garcia",
                LocalDate.of(1978, 6, 30),
                "M",
                "12 Ocean Ave",
                "Torrance",
                "CA",
                "90501");
        Coverage coverage = new Coverage(
                UUID.randomUUID(),
                patientId,
                "Blue Shield of California",
                "BS001",
                "PPO",
                "XYZ" + (100000 + n),
                "G7788",
                subscriber,
                Money.of("25"),
                BigDecimal.TEN,
                Money.of("500"),
                Money.of("100"),
                DATE.withDayOfYear(1),
                VisitLimit.limited(20),
                3,
                new Authorization("AUTH" + n, 6, 1, DATE.minusDays(10), DATE.plusDays(50)),
                false,
                DATE.minusDays(100),
                null);
        Prescription rx = new Prescription(
                UUID.randomUUID(),
                patientId,
                "Alan",
                "Grant",
                new Npi("1234567893"),
                List.of(new Icd10("M54.50"), new Icd10("M62.838")),
                "2x/week",
                6,
                DATE.minusDays(5),
                DATE.plusDays(85));
        List<ClaimLine> lines = n % 3 == 0
                ? List.of(
                        new ClaimLine(Cpt.MANUAL_THERAPY, 45, 3, Money.of("90.00"), List.of(1, 2)),
                        new ClaimLine(Cpt.HOT_COLD_PACKS, 0, 1, Money.of("20.00"), List.of(1)))
                : List.of(new ClaimLine(Cpt.MANUAL_THERAPY, 60, 4, Money.of("110.00"), List.of(1, 2)));
        Claim claim = new Claim(
                UUID.randomUUID(),
                1000 + n,
                new Claim.Facts(
                        UUID.randomUUID(),
                        patientId,
                        coverage.id(),
                        rx.id(),
                        UUID.randomUUID(),
                        "trigger-point",
                        DATE,
                        Instant.parse("2026-11-20T20:00:00Z")),
                ClaimState.READY,
                lines,
                rx.diagnoses(),
                Money.ZERO,
                Money.ZERO,
                null);
        return new ClaimPacket(
                claim,
                patient,
                coverage,
                rx,
                ClaimPacket.Rendering.of("Maria Lopez, CMT", new Npi("1679576722"), "CAMTC 12345", "225700000X"),
                BILLING);
    }

    static List<ClaimPacket> batch(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(ClaimPackets::packet).toList();
    }
}
