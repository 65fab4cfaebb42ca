package clinic.relief.insurance;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payer's answers posted to a claim, for the claim page (its fragment calls {@code @claimRemittances}): each
 * payment or reversal with its adjustments by group (CO, PR, OA...) and reason code, and its remark codes, each code
 * with its meaning (in the page's language; in English for the claims API). The claim page is OWNER and FRONT_DESK
 * only; reading the claim is audited by the page itself.
 */
@Component
public class ClaimRemittances {

    private final RemittanceStore store;
    private final AdjustmentCodes codes;

    ClaimRemittances(RemittanceStore store, AdjustmentCodes codes) {
        this.store = store;
        this.codes = codes;
    }

    /** One posted CLP. */
    public record Payment(
            String status,
            Money paid,
            Money patientShare,
            String payerClaimNumber,
            Instant postedAt,
            List<Adjustment> adjustments,
            List<Code> remarks) {}

    /** A CAS adjustment with the meaning of its reason code (empty when not in the table). */
    public record Adjustment(String group, String reason, Money amount, String meaning) {}

    /** A remark code with its meaning. */
    public record Code(String code, String meaning) {}

    /** The claim's payments with the codes' meanings in English. */
    @Transactional(readOnly = true)
    public List<Payment> of(UUID claimId) {
        return of(claimId, Locale.ENGLISH);
    }

    /** The claim's payments with the codes' meanings in Spanish for a Spanish locale, else in English. */
    @Transactional(readOnly = true)
    public List<Payment> of(UUID claimId, Locale locale) {
        return store.payments(claimId).stream()
                .map(p -> new Payment(
                        p.status(),
                        p.paid(),
                        p.patientShare(),
                        p.payerClaimNumber(),
                        p.postedAt(),
                        p.adjustments().stream()
                                .map(a -> new Adjustment(
                                        a.group(), a.reason(), a.amount(), codes.reason(a.reason(), locale)))
                                .toList(),
                        p.remarks().stream()
                                .map(code -> new Code(code, codes.remark(code, locale)))
                                .toList()))
                .toList();
    }
}
