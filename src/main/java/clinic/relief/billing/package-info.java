/**
 * Billing: prices and quotes, member savings plans with their credit ledger, invoices, payments, receipts and reports.
 */
package clinic.relief.billing;
