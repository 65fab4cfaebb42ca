/**
 * Billing: prices and quotes, member savings plans with their credit ledger, invoices, payments, receipts and reports.
 */
@NullMarked
package clinic.relief.billing;

import org.jspecify.annotations.NullMarked;
