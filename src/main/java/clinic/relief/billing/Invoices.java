package clinic.relief.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices and their lines. A line with a reference is written at most once (a quote, a fee, a remittance line),
 * so replaying an event adds nothing. Lines are never changed or removed: a correction is another line.
 */
@Service
public class Invoices {

    private final InvoiceStore store;
    private final Clock clock;

    Invoices(InvoiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    UUID open(UUID id, UUID patientId, UUID appointmentId, UUID membershipId, String serviceId) {
        store.insert(id, patientId, appointmentId, membershipId, serviceId, clock.instant());
        return id;
    }

    /** The appointment's invoice, opened if it has none yet, in one round trip. */
    UUID ofAppointment(UUID appointmentId, UUID patientId, String serviceId) {
        return store.openForAppointment(appointmentId, patientId, serviceId, clock.instant());
    }

    /**
     * Stores a booked appointment's quote, unless it has one, and adds its lines to the appointment's invoice, opened
     * if it has none yet, each line once: one statement, as this runs on every booking.
     */
    void addQuote(UUID appointmentId, UUID patientId, Quote quote) {
        store.insertQuoted(appointmentId, patientId, quote, clock.instant());
    }

    /** Adds a line unless one with the same reference exists; true if it was added. */
    boolean addLine(UUID invoiceId, Line line, String reference) {
        return store.addLine(invoiceId, line, reference, clock.instant());
    }

    /**
     * Waives an appointment's late-cancellation or no-show fee with a correcting line (once); false if the appointment
     * has no invoice or no fee.
     */
    @Transactional
    public boolean waiveFee(UUID appointmentId) {
        Optional<Invoice> invoice = forAppointment(appointmentId);
        Money fee = invoice.stream()
                .flatMap(i -> i.lines().stream())
                .filter(line -> line.kind() == Line.Kind.FEE)
                .map(Line::amount)
                .reduce(Money.ZERO, Money::plus);
        if (invoice.isEmpty() || !fee.isPositive()) {
            return false;
        }
        return addLine(
                invoice.get().id(),
                Line.of(Line.Kind.FEE, fee.negate(), "billing.line.fee.waived"),
                "waive:" + appointmentId);
    }

    /**
     * Adds the tip the patient gives at checkout, for the therapist named, as a line of its own; once per invoice
     * (a second tip adds nothing: false). The caller checks the amount.
     */
    @Transactional
    public boolean addTip(UUID invoiceId, Money amount, String therapistName) {
        if (!amount.isPositive()) {
            throw BillingFailure.unprocessable("amountNotPositive", amount.toString());
        }
        return addLine(
                invoiceId,
                Line.of(Line.Kind.TIP, amount, "billing.line.tip", LineArg.text(therapistName)),
                "tip:" + invoiceId);
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID id) {
        return store.find(id).orElseThrow(() -> BillingFailure.notFound("unknownInvoice"));
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> forAppointment(UUID appointmentId) {
        return store.idOfAppointment(appointmentId).flatMap(store::find);
    }

    /** A patient's invoices, newest first. */
    @Transactional(readOnly = true)
    public List<Invoice> ofPatient(UUID patientId) {
        return store.ofPatient(patientId);
    }

    /**
     * What a patient owes across the invoices that are due (negative when in credit). The invoice of a visit still to
     * come is not due yet: a patient with next week's visit booked owes nothing for it today.
     */
    @Transactional(readOnly = true)
    public Money balanceOf(UUID patientId) {
        Set<UUID> notYetDue = Set.copyOf(store.notYetDue(patientId, clock.instant()));
        return ofPatient(patientId).stream()
                .filter(invoice -> !notYetDue.contains(invoice.id()))
                .map(Invoice::balance)
                .reduce(Money.ZERO, Money::plus);
    }

    /**
     * The patient's invoices that are not due yet: those of visits still to come. Their balance is what the visit
     * will cost, not money owed.
     */
    @Transactional(readOnly = true)
    public Set<UUID> notYetDue(UUID patientId) {
        return Set.copyOf(store.notYetDue(patientId, clock.instant()));
    }

    /** A card dispute (chargeback) Stripe reported against one of the invoice's card payments. */
    public record Dispute(String disputeId, Money amount, String reason, Instant at) {}

    /** The disputes reported against the invoice's card payments, oldest first. */
    @Transactional(readOnly = true)
    public List<Dispute> disputes(UUID invoiceId) {
        return store.disputes(invoiceId);
    }
}
