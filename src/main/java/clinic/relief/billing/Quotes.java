package clinic.relief.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import clinic.relief.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import static clinic.relief.billing.CreditLedger.ts;

/**
 * Quotes appointments from the price list, the patient's membership and, when the insurance module provides a
 * {@link CoverageLookup}, their coverage; stores each booked appointment's quote. Works with no coverage lookup:
 * every visit is then self-pay. When a module provides {@link FollowUpVouchers}, a voucher makes a session free.
 */
@Service
public class Quotes {

    private static final String QUOTE_ROW = """
            insert into billing_quote (appointment_id, patient_id, service_id, minutes, total, uses_credit, created_at)
            values (:a, :p, :s, :m, :total, :credit, :quotedAt) on conflict do nothing""";

    /** {@link #rows}' common table expressions by number of lines. */
    private final Map<Integer, String> rowStatements = new ConcurrentHashMap<>();

    private final PricingPolicy policy = new PricingPolicy();
    private final PriceList prices;
    private final MembershipStore memberships;
    private final Plans plans;
    private final CreditLedger ledger;
    // Looked up once, at first use: resolving an optional bean costs more than a booking's pricing itself.
    private final SingletonSupplier<CoverageLookup> coverage;
    private final SingletonSupplier<FollowUpVouchers> vouchers;
    private final ClinicMonths months;
    private final JdbcClient jdbc;
    private final GiftCards giftCards;

    Quotes(PriceList prices, MembershipStore memberships, Plans plans, CreditLedger ledger,
            ObjectProvider<CoverageLookup> coverage, ObjectProvider<FollowUpVouchers> vouchers, ClinicMonths months,
            JdbcClient jdbc, GiftCards giftCards) {
        this.vouchers = SingletonSupplier.of(vouchers::getIfAvailable);
        this.giftCards = giftCards;
        this.prices = prices;
        this.memberships = memberships;
        this.plans = plans;
        this.ledger = ledger;
        this.coverage = SingletonSupplier.of(coverage::getIfAvailable);
        this.months = months;
        this.jdbc = jdbc;
    }

    /** The quote a patient would get for this service, length and day now (nothing is stored or used). */
    @Transactional(readOnly = true)
    public Quote preview(UUID patientId, String serviceId, int minutes, LocalDate day) {
        QuoteRequest request = request(patientId, serviceId, minutes, day);
        FollowUpVouchers granted = vouchers.get();
        if (granted == null || patientId == null) {
            return policy.quote(request);
        }
        // The day's start stands for the session's time: a voucher ending that day may show free and not be.
        Instant start = day.atStartOfDay(months.zone()).toInstant();
        return policy.quote(granted.available(patientId, serviceId, minutes, start)
                .map(free -> request.withFreeSession(free.lineCode())).orElse(request));
    }

    /** Uses a free follow-up voucher for this booked appointment, if the patient holds one that fits. */
    Optional<FollowUpVouchers.FreeSession> redeemFreeSession(UUID patientId, String serviceId, int minutes,
            Instant start, UUID appointmentId) {
        FollowUpVouchers granted = vouchers.get();
        return granted == null || patientId == null ? Optional.empty()
                : granted.redeem(patientId, serviceId, minutes, start, appointmentId);
    }

    /** Gives back the voucher a cancelled appointment used. */
    void releaseFreeSession(UUID appointmentId) {
        FollowUpVouchers granted = vouchers.get();
        if (granted != null) {
            granted.release(appointmentId);
        }
    }

    /**
     * The same quote with a gift card: its gift card line uses the card's real balance now. An unknown code is an
     * {@code unknownGiftCard} failure.
     */
    @Transactional(readOnly = true)
    public Quote preview(UUID patientId, String serviceId, int minutes, LocalDate day, String giftCardCode) {
        QuoteRequest request = request(patientId, serviceId, minutes, day);
        return policy.quote(request.withGiftCard(giftCards.get(giftCardCode).balance()));
    }

    QuoteRequest request(UUID patientId, String serviceId, int minutes, LocalDate day) {
        QuoteRequest request = QuoteRequest.selfPay(serviceId, minutes, prices.price(serviceId, minutes));
        Optional<Membership> membership = patientId == null ? Optional.empty()
                : memberships.usableBy(patientId, months.now());
        if (membership.isPresent()) {
            Plan plan = plans.get(membership.get().planId());
            boolean credit = ledger.available(membership.get().id(), serviceId, minutes, months.now()) > 0;
            request = request.withMember(new QuoteRequest.MemberTerms(plan.names(),
                    plan.memberPrice(serviceId, minutes), credit, plan.creditOnInsuredVisit()));
        }
        CoverageLookup lookup = coverage.get();
        if (lookup != null && patientId != null) {
            Optional<InsuranceTerms> terms = lookup.termsFor(patientId, serviceId, day);
            if (terms.isPresent()) {
                request = request.withInsurance(terms.get());
            }
        }
        return request;
    }

    Quote quote(QuoteRequest request) {
        return policy.quote(request);
    }

    /**
     * The quote and its lines, unless the appointment has one, as rows to write in the statement that bills the
     * appointment ({@link Invoices#addLines}).
     */
    Invoices.Alongside rows(UUID appointmentId, UUID patientId, Quote quote, Instant at) {
        List<Line> lines = quote.lines();
        Map<String, Object> params = LineRows.params("quote", lines);
        params.put("a", appointmentId);
        params.put("p", patientId);
        params.put("s", quote.serviceId());
        params.put("m", quote.minutes());
        params.put("total", quote.total().amount());
        params.put("credit", quote.usesCredit());
        params.put("quotedAt", ts(at));
        return new Invoices.Alongside(rowStatements.computeIfAbsent(lines.size(), count -> count == 0
                ? "quote as (" + QUOTE_ROW + ")"
                : "quote as (" + QUOTE_ROW + "),\nquote_line as (insert into billing_quote_line values "
                        + LineRows.values("quote", count, ":a, {i}, ", "") + " on conflict do nothing)"), params);
    }

    /**
     * Whether a free follow-up voucher paid the appointment's session: the clinic gave that session under its relief
     * guarantee, so no payer may be billed for it.
     */
    @Transactional(readOnly = true)
    public boolean freeFollowUp(UUID appointmentId) {
        return jdbc.sql("select exists (select from billing_quote_line where appointment_id = :a and kind = :kind)")
                .param("a", appointmentId).param("kind", Line.Kind.FREE_FOLLOW_UP.name()).query(Boolean.class)
                .single();
    }

    /** The quote stored when the appointment was booked. */
    @Transactional(readOnly = true)
    public Optional<Quote> ofAppointment(UUID appointmentId) {
        List<Line> lines = jdbc.sql("select kind, amount, code, args from billing_quote_line where appointment_id = :a"
                + " order by position").param("a", appointmentId).query(Invoices::line).list();
        return jdbc.sql("select service_id, minutes, total, uses_credit from billing_quote where appointment_id = :a")
                .param("a", appointmentId)
                .query((rs, n) -> new Quote(rs.getString(1), rs.getInt(2), lines, Money.of(rs.getBigDecimal(3)),
                        rs.getBoolean(4)))
                .optional();
    }
}
