package clinic.relief.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.Acknowledgments;
import clinic.relief.insurance.Claim;
import clinic.relief.insurance.ClaimBatch;
import clinic.relief.insurance.ClaimDesk;
import clinic.relief.insurance.ClaimFiles;
import clinic.relief.insurance.ClaimIncomplete;
import clinic.relief.insurance.ClaimState;
import clinic.relief.insurance.CoverageForm;
import clinic.relief.insurance.FreeFollowUpNotBilled;
import clinic.relief.insurance.Insurance;
import clinic.relief.insurance.NoCoverage;
import clinic.relief.insurance.NotBilledToInsurance;
import clinic.relief.insurance.PrescriptionForm;
import clinic.relief.insurance.Relationship;
import clinic.relief.insurance.Remittances;
import clinic.relief.insurance.X12File;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Sex;
import clinic.relief.shared.TravellingClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's PPO patients and their claims, the way the desk and the payer would have made them. The patients get
 * a PPO coverage and a prescription on a day of the history, so their later visits are quoted as insured (the copay
 * at checkout) and drafted as claims when completed. Every week the desk marks the drafts ready and submits them in
 * one 837P batch; the clearinghouse's 999 accepts the batch within the hour and its 277CA the next morning accepts
 * the claims into the payer's system (in the first week it rejects one: the member id is not found); ten days later
 * the payer's 835 pays them, less the copay and the contractual write-off (in the first week's it pays one in part,
 * denies two, and the desk appeals one of those the next working day). Two days ago the desk sent one claim on its own,
 * which the 999 rejected (the prior authorization number's format); yesterday it marked one ready; the latest
 * visits' claims are drafts. All on weekdays. So the claims pages show a claim in every state, and the aging report
 * the unpaid ones.
 *
 * <p>Everything goes through the insurance module's own services: the drafts, the batches and their 837P, and the
 * answers read by its X12 readers from files built, from the templates in {@code demo/x12/}, for the batches' own
 * control numbers and claims. The clock travels to each step's time, in time order.
 */
@Component
@Profile("demo")
class DemoClaims {

    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);

    static final String PAYER = "Blue Shield of California";
    static final String PAYER_ID = "BS001";
    static final BigDecimal COPAY = new BigDecimal("25.00");
    /** The payer's fee schedule allows this share of the clinic's charge; the rest is written off (CO-45). */
    private static final BigDecimal ALLOWED = new BigDecimal("0.80");

    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final Insurance insurance;
    private final ClaimDesk desk;
    private final ClaimFiles files;
    private final Acknowledgments acknowledgments;
    private final Remittances remittances;
    private final AppointmentBook appointments;
    private final ClinicProfile clinic;
    private final Clock clock;

    DemoClaims(
            Insurance insurance,
            ClaimDesk desk,
            ClaimFiles files,
            Acknowledgments acknowledgments,
            Remittances remittances,
            AppointmentBook appointments,
            ClinicProfile clinic,
            Clock clock) {
        this.clock = clock;
        this.insurance = insurance;
        this.desk = desk;
        this.files = files;
        this.acknowledgments = acknowledgments;
        this.remittances = remittances;
        this.appointments = appointments;
        this.clinic = clinic;
    }

    /** Records each patient's PPO coverage and prescription, in force from {@code from}. Needs the desk signed in. */
    void insure(List<Patient> patients, LocalDate from) {
        for (int i = 0; i < patients.size(); i++) {
            Patient patient = patients.get(i);
            insurance.recordCoverage(patient.id(), coverage(patient, i, from));
            insurance.recordPrescription(
                    patient.id(),
                    new PrescriptionForm(
                            "Alan",
                            "Grant",
                            "1234567893",
                            i % 2 == 0 ? "M54.50, M62.838" : "M54.2, M79.18",
                            "1x/week",
                            26,
                            from,
                            from.plusYears(1)));
        }
    }

    /**
     * The desk's and the payer's weeks from {@code from} (when the patients were insured) to {@code today}, as the
     * class comment tells. Needs the desk signed in; leaves the clock wherever the last step was.
     */
    void write(List<Patient> insured, LocalDate from, LocalDate today, ZoneId zone, TravellingClock travelling) {
        if (clinic.billing() == null) {
            return;
        }
        Run run = new Run(insured, from, today, zone);
        boolean first = true;
        for (LocalDate week = from.plusDays(7); ; week = week.plusDays(7)) {
            LocalDate batchDay = weekday(week);
            if (batchDay.isAfter(today.minusDays(4))) {
                break;
            }
            boolean firstWeek = first;
            run.at(batchDay, LocalTime.of(10, 0), () -> weekly(run, batchDay, firstWeek));
            first = false;
        }
        LocalDate alone = lastWeekday(today.minusDays(2));
        run.at(alone, LocalTime.of(10, 0), () -> sentAlone(run, alone));
        LocalDate lastDay = lastWeekday(today.minusDays(1));
        run.at(
                lastDay,
                LocalTime.of(17, 0),
                () -> draftsBefore(run, lastDay).stream().findFirst().ifPresent(claim -> desk.markReady(claim.id())));
        run.play(travelling);
    }

    /** The week's batch, its 999 and 277CA, and (when it is due before today) the payer's 835. */
    private void weekly(Run run, LocalDate day, boolean firstWeek) {
        List<Claim> ready = new ArrayList<>();
        for (Claim draft : draftsBefore(run, day)) {
            try {
                ready.add(desk.markReady(draft.id()));
            } catch (ClaimIncomplete incomplete) {
                log.warn("Demo claim {} is not ready: {}", draft.claimId(), incomplete.getMessage());
            }
        }
        Optional<Sent> sent = submit(ready);
        if (sent.isEmpty()) {
            return;
        }
        Sent batch = sent.get();
        run.at(day, LocalTime.of(10, 40), () -> acknowledge(batch, "999-accepted.txt", Map.of()));
        List<Claim> accepted = new ArrayList<>(batch.claims());
        Optional<Claim> rejected = firstWeek ? Optional.of(accepted.remove(0)) : Optional.empty();
        run.at(
                weekday(day.plusDays(1)),
                LocalTime.of(7, 0),
                () -> claimAcknowledgment(run, batch, accepted, rejected, day));
        LocalDate paidOn = weekday(day.plusDays(10));
        if (paidOn.isBefore(run.today)) {
            run.at(paidOn, LocalTime.of(8, 0), () -> remittance(run, batch, accepted, firstWeek));
        }
        LocalDate appealedOn = weekday(paidOn.plusDays(1));
        if (firstWeek && accepted.size() > 3 && appealedOn.isBefore(run.today)) {
            UUID appealed = accepted.get(3).id();
            run.at(appealedOn, LocalTime.of(9, 0), () -> desk.appeal(appealed));
        }
    }

    /** The oldest draft sent by itself, which the 999 rejects: the payer wants its authorization number in digits. */
    private void sentAlone(Run run, LocalDate day) {
        Optional<Claim> draft = draftsBefore(run, day).stream().findFirst();
        if (draft.isEmpty()) {
            return;
        }
        Optional<Sent> sent = submit(List.of(desk.markReady(draft.get().id())));
        if (sent.isEmpty()) {
            return;
        }
        Sent batch = sent.get();
        String file = batch.batch().file().orElseThrow();
        int position = DemoX12.position(file, "REF*G1*");
        if (position < 0) {
            log.warn(
                    "Demo claim {} has no authorization number to reject",
                    draft.get().claimId());
            return;
        }
        String authorization = file.substring(file.indexOf("REF*G1*") + "REF*G1*".length());
        authorization = authorization.substring(0, authorization.indexOf('~'));
        Map<String, String> error = Map.of(
                "SEGMENT_ID",
                "REF",
                "SEGMENT_POSITION",
                String.valueOf(position),
                "CLAIM",
                draft.get().claimId(),
                "BAD_VALUE",
                authorization);
        run.at(day, LocalTime.of(10, 45), () -> acknowledge(batch, "999-rejected.txt", error));
    }

    /** Every visit of the insured drafted (the listener drafts them on completion; this makes sure), then the drafts
     * never sent nor answered with a service date before {@code day}, oldest first. */
    private List<Claim> draftsBefore(Run run, LocalDate day) {
        Set<UUID> drafted = new HashSet<>();
        List<Claim> claims = run.claims();
        claims.forEach(claim -> drafted.add(claim.facts().appointmentId()));
        for (AppointmentView visit : run.visits()) {
            LocalDate date = visit.start().atZone(run.zone).toLocalDate();
            if (!date.isBefore(day) || drafted.contains(visit.id()) || run.notBilled.contains(visit.id())) {
                continue;
            }
            try {
                claims.add(desk.draft(visit.id()));
            } catch (FreeFollowUpNotBilled | NotBilledToInsurance | NoCoverage notBilled) {
                run.notBilled.add(visit.id());
            }
        }
        return claims.stream()
                .filter(claim -> claim.state() == ClaimState.DRAFT
                        && claim.acknowledgment().isEmpty()
                        && claim.facts().serviceDate().isBefore(day))
                .sorted(run.byVisit())
                .toList();
    }

    private Optional<Sent> submit(List<Claim> ready) {
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClaimBatch> batch = files.submitBatch();
        if (batch.isEmpty() || batch.get().interchange().isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> sent = Set.copyOf(batch.get().sent());
        return Optional.of(new Sent(
                batch.get(),
                batch.get().interchange().get(),
                ready.stream().filter(claim -> sent.contains(claim.id())).toList()));
    }

    /** A batch that went out: its 837P's control number and its claims, oldest visit first. */
    private record Sent(ClaimBatch batch, long control, List<Claim> claims) {}

    private void acknowledge(Sent batch, String template, Map<String, String> more) {
        Map<String, String> values = envelope(batch.control() * 2 + 500_000_000L);
        values.put("BATCH_GROUP", String.valueOf(batch.control()));
        values.putAll(more);
        acknowledgments.importFile(
                DemoX12.fill(template, values), X12File.Source.UPLOAD, "demo-" + batch.control() + ".999");
    }

    private void claimAcknowledgment(
            Run run, Sent batch, List<Claim> accepted, Optional<Claim> rejected, LocalDate received) {
        Map<String, String> values = envelope(batch.control() * 2 + 500_000_001L);
        StringBuilder claims = new StringBuilder();
        int hl = 4;
        for (Claim claim : batch.claims()) {
            boolean isRejected = rejected.isPresent() && rejected.get().id().equals(claim.id());
            Map<String, String> about = run.about(claim);
            about.put("HL", String.valueOf(hl++));
            about.put("DATE", values.get("DATE"));
            claims.append(DemoX12.fill(isRejected ? "277CA-claim-rejected.txt" : "277CA-claim-accepted.txt", about));
        }
        BigDecimal total = amount(batch.claims());
        values.put("REFERENCE", "DEMO277" + batch.control());
        values.put("PAYER_NAME", DemoX12.name(PAYER));
        values.put("PAYER_ID", PAYER_ID);
        values.put("RECEIVED", received.format(D8));
        values.put("BATCH_REFERENCE", String.format("%09d", batch.control()));
        values.put("TOTAL", total.toPlainString());
        values.put("ACCEPTED_COUNT", String.valueOf(accepted.size()));
        values.put("ACCEPTED_TOTAL", amount(accepted).toPlainString());
        values.put("CLAIMS", claims.toString());
        acknowledgments.importFile(
                DemoX12.fill("277CA.txt", values), X12File.Source.UPLOAD, "demo-" + batch.control() + ".277");
    }

    /**
     * The payer's 835 for a batch's accepted claims: each paid its allowed amount (80 % of the charge) less the
     * copay, the rest written off; in the first week's, the second claim paid in part (a unit over the plan's
     * benefit maximum, CO-119) and the third and fourth denied as not medically necessary (CO-50).
     */
    private void remittance(Run run, Sent batch, List<Claim> accepted, boolean firstWeek) {
        Map<String, String> values = envelope(batch.control() + 700_000_000L);
        values.remove("RECEIVER15");
        values.put("PAYER15", DemoX12.isaId(PAYER_ID));
        StringBuilder claims = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < accepted.size(); i++) {
            Claim claim = accepted.get(i);
            Map<String, String> about = run.about(claim);
            BigDecimal charge = claim.charge().amount().setScale(2, RoundingMode.HALF_UP);
            BigDecimal allowed = charge.multiply(ALLOWED).setScale(2, RoundingMode.HALF_UP);
            BigDecimal paid = allowed.subtract(COPAY);
            String template = "835-claim-paid.txt";
            if (firstWeek && (i == 2 || i == 3)) {
                template = "835-claim-denied.txt";
                paid = BigDecimal.ZERO;
            } else if (firstWeek && i == 1) {
                template = "835-claim-partly-paid.txt";
                BigDecimal notPaid = paid.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                about.put("NOT_PAID", notPaid.toPlainString());
                paid = paid.subtract(notPaid);
            }
            about.put("PAID", paid.toPlainString());
            about.put("COPAY", COPAY.toPlainString());
            about.put("WRITE_OFF", charge.subtract(allowed).toPlainString());
            claims.append(DemoX12.fill(template, about));
            total = total.add(paid);
        }
        values.put("PAYER_ID", PAYER_ID);
        values.put("PAYER_NAME", DemoX12.name(PAYER));
        values.put("TRACE", "DEMO" + String.format("%08d", batch.control()));
        values.put("TOTAL", total.toPlainString());
        values.put("CLAIMS", claims.toString());
        remittances.importFile(new X12File.Received(
                X12File.Kind.REMITTANCE_835,
                X12File.Source.UPLOAD,
                "demo-" + batch.control() + ".835",
                DemoX12.fill("835.txt", values)));
    }

    /** The interchange and group headers' values, at the clock's time, from the clearinghouse to the clinic. */
    private Map<String, String> envelope(long control) {
        ClinicProfile.Billing billing = clinic.billing();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(clinic.zone()));
        Map<String, String> values = new HashMap<>();
        values.put("RECEIVER15", DemoX12.isaId(billing.receiverId()));
        values.put("RECEIVER", billing.receiverId());
        values.put("SUBMITTER15", DemoX12.isaId(billing.submitterId()));
        values.put("SUBMITTER", billing.submitterId());
        values.put("CLINIC", DemoX12.name(billing.legalName()));
        values.put("NPI", billing.npi());
        values.put("YYMMDD", now.format(YYMMDD));
        values.put("DATE", now.format(D8));
        values.put("HHMM", now.format(HHMM));
        values.put("ISA13", String.format("%09d", control));
        values.put("GS06", String.valueOf(control));
        return values;
    }

    /** The day, or the Monday after it when it falls on a weekend (the desk, clearinghouse and payer work weekdays). */
    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** The day, or the Friday before it when it falls on a weekend. */
    private static LocalDate lastWeekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    private static BigDecimal amount(List<Claim> claims) {
        return claims.stream()
                .map(claim -> claim.charge().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** A PPO plan from {@code from}, open-ended: a $25 copay, no coinsurance, the deductible met, visits authorized. */
    private static CoverageForm coverage(Patient patient, int n, LocalDate from) {
        return new CoverageForm(
                PAYER,
                PAYER_ID,
                "PPO",
                memberId(n),
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
                COPAY,
                BigDecimal.ZERO,
                new BigDecimal("500.00"),
                new BigDecimal("500.00"),
                from.withDayOfYear(1),
                40,
                0,
                "AUTH-" + (500 + n),
                40,
                from,
                from.plusYears(1),
                false,
                from,
                null);
    }

    static String memberId(int n) {
        return "XEB" + (904100 + n * 37);
    }
    /** One writing of the claims: the insured, their visits, and the steps still to play, in time order. */
    private final class Run {

        private final List<Patient> insured;
        private final LocalDate from;
        private final LocalDate today;
        private final ZoneId zone;
        private final Set<UUID> notBilled = new HashSet<>();
        private final Map<UUID, Instant> visitStarts = new HashMap<>();
        private final PriorityQueue<Step> steps =
                new PriorityQueue<>(Comparator.comparing(Step::at).thenComparing(Step::order));
        private int order;

        Run(List<Patient> insured, LocalDate from, LocalDate today, ZoneId zone) {
            this.insured = insured;
            this.from = from;
            this.today = today;
            this.zone = zone;
        }

        void at(LocalDate day, LocalTime time, Runnable action) {
            steps.add(new Step(day.atTime(time).atZone(zone).toInstant(), order++, action));
        }

        /** Plays the steps in time order, each at its time; a step may add later ones. */
        void play(TravellingClock travelling) {
            while (!steps.isEmpty()) {
                Step step = steps.poll();
                travelling.travelTo(step.at());
                step.action().run();
            }
        }

        /** The insured's completed visits since they were insured, oldest first. */
        List<AppointmentView> visits() {
            List<AppointmentView> visits = insured.stream()
                    .flatMap(patient -> appointments.ofPatient(patient.id()).stream())
                    .filter(visit -> visit.status() == AppointmentStatus.COMPLETED
                            && !visit.start().atZone(zone).toLocalDate().isBefore(from))
                    .sorted(Comparator.comparing(AppointmentView::start))
                    .toList();
            visits.forEach(visit -> visitStarts.put(visit.id(), visit.start()));
            return visits;
        }

        List<Claim> claims() {
            List<Claim> claims = new ArrayList<>();
            insured.forEach(patient -> claims.addAll(desk.ofPatient(patient.id())));
            return claims;
        }

        /** Oldest visit first (claim numbers follow the order the drafts were written in, which may vary). */
        Comparator<Claim> byVisit() {
            return Comparator.comparing((Claim claim) ->
                            visitStarts.getOrDefault(claim.facts().appointmentId(), Instant.MAX))
                    .thenComparing(claim -> claim.facts().appointmentId());
        }

        /** A claim's values for the templates: its id, charge and date of service, the patient and member. */
        Map<String, String> about(Claim claim) {
            int n = 0;
            while (n < insured.size()
                    && !insured.get(n).id().equals(claim.facts().patientId())) {
                n++;
            }
            Patient patient = insured.get(n);
            Map<String, String> values = new HashMap<>();
            values.put("CLAIM", claim.claimId());
            values.put(
                    "CHARGE",
                    claim.charge().amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
            values.put("SERVICE_DATE", claim.facts().serviceDate().format(D8));
            values.put("LAST", DemoX12.name(patient.lastName()));
            values.put("FIRST", DemoX12.name(patient.firstName()));
            values.put("MEMBER", memberId(n));
            values.put("PAYER_CLAIM", "26" + String.format("%011d", 4_100_000_000L + claim.number() * 7));
            return values;
        }
    }

    /** Something that happens at a time; {@code order} keeps steps at the same time in the order they were added. */
    private record Step(Instant at, int order, Runnable action) {}
}
