package clinic.relief.billing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.billing.Line.Kind;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static clinic.relief.billing.LineArg.amount;

/**
 * Bills appointments. A booking gets its quote stored and an invoice from it (using a membership credit when the
 * quote does), in the booking's own transaction, as a {@link BookingParticipant}; a cancellation or a no-show, also
 * as a participant in its transaction, reverses the session, gives the credit back and adds the fee owed (a cancelled free
 * follow-up gives its voucher back); a payer's remittance settles the patient's share. Each line carries a reference,
 * so an event delivered twice posts nothing twice.
 */
@Component
class AppointmentBilling implements BookingParticipant {

    private static final Set<Kind> INSURED_SHARE = EnumSet.of(
            Kind.LIST_PRICE,
            Kind.INSURANCE,
            Kind.COPAY,
            Kind.DEDUCTIBLE,
            Kind.COINSURANCE,
            Kind.INSURANCE_CAP,
            Kind.PATIENT_SHARE);

    private final Quotes quotes;
    private final Invoices invoices;
    private final MembershipStore memberships;
    private final CreditLedger ledger;
    private final ClinicMonths months;

    AppointmentBilling(
            Quotes quotes, Invoices invoices, MembershipStore memberships, CreditLedger ledger, ClinicMonths months) {
        this.quotes = quotes;
        this.invoices = invoices;
        this.memberships = memberships;
        this.ledger = ledger;
        this.months = months;
    }

    /**
     * Quotes and invoices a booking in the booking's own transaction (booking calls it as a participant), so an
     * appointment and its bill commit together or not at all.
     */
    @Override
    public void booked(AppointmentBooked booked) {
        LocalDate day = LocalDate.ofInstant(booked.start(), months.zone());
        QuoteRequest request = quotes.request(booked.patientId(), booked.serviceId(), booked.minutes(), day);
        Optional<FollowUpVouchers.FreeSession> free = quotes.redeemFreeSession(
                booked.patientId(), booked.serviceId(), booked.minutes(), booked.start(), booked.appointmentId());
        if (free.isPresent()) {
            request = request.withFreeSession(free.get().lineCode());
        }
        Quote quote = quotes.quote(request);
        if (quote.usesCredit() && !useCredit(booked)) {
            QuoteRequest.MemberTerms m = request.member().orElseThrow();
            quote = quotes.quote(request.withMember(
                    new QuoteRequest.MemberTerms(m.planNames(), m.memberPrice(), false, m.creditOnInsuredVisit())));
        }
        // The quote is stored in the statement that adds its lines to the invoice: one round trip for both.
        invoices.addQuote(booked.appointmentId(), booked.patientId(), quote);
    }

    private boolean useCredit(AppointmentBooked booked) {
        Optional<Membership> membership = memberships.usableBy(booked.patientId(), months.now());
        if (membership.isEmpty()) {
            return false;
        }
        memberships.lock(membership.get().id());
        return ledger.use(
                        membership.get().id(),
                        booked.serviceId(),
                        booked.minutes(),
                        booked.appointmentId(),
                        months.now())
                .isPresent();
    }

    /**
     * Reverses a cancelled session in the cancellation's own transaction (booking calls it as a participant), so a
     * cancellation that loses a race to another change voids nothing.
     */
    @Override
    public void cancelled(AppointmentCancelled cancelled) {
        quotes.releaseFreeSession(cancelled.appointmentId());
        unbook(cancelled.appointmentId(), cancelled.patientId(), cancelled.feeOwed(), "lateCancel");
    }

    /** Reverses a missed session and adds its fee, in the no-show's own transaction (as a participant). */
    @Override
    public void missed(AppointmentMissed missed) {
        unbook(missed.appointmentId(), missed.patientId(), missed.feeOwed(), "noShow");
    }

    private void unbook(UUID appointmentId, UUID patientId, Money feeOwed, String reason) {
        ledger.giveBack(appointmentId, months.now());
        UUID invoice = invoices.ofAppointment(appointmentId, patientId, null);
        Money session = quotes.ofAppointment(appointmentId).map(Quote::total).orElse(Money.ZERO);
        if (session.isPositive()) {
            invoices.addLine(
                    invoice,
                    Line.of(Kind.CANCELLED, session.negate(), "billing.line.cancelled." + reason),
                    "unbook:" + appointmentId);
        }
        if (feeOwed.isPositive()) {
            invoices.addLine(invoice, Line.of(Kind.FEE, feeOwed, "billing.line.fee." + reason), "fee:" + appointmentId);
        }
    }

    @ApplicationModuleListener
    void on(PatientShareDetermined share) {
        UUID invoiceId = invoices.ofAppointment(share.appointmentId(), share.patientId(), null);
        Money current = invoices.get(invoiceId).lines().stream()
                .filter(line -> INSURED_SHARE.contains(line.kind()))
                .map(Line::amount)
                .reduce(Money.ZERO, Money::plus);
        invoices.addLine(
                invoiceId,
                Line.of(
                        Kind.PATIENT_SHARE,
                        share.amount().minus(current),
                        "billing.line.patientShare",
                        amount(share.amount()),
                        amount(current)),
                "share:" + share.reference());
    }
}
