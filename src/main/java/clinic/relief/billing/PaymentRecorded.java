package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.shared.Money;

/** A payment or refund was recorded against an invoice (ids and the amount only). */
public record PaymentRecorded(UUID paymentId, UUID invoiceId, UUID patientId, Payment.Kind kind, Money amount) {}
