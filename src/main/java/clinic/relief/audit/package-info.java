/**
 * Audit: an append-only trail of who opened or changed which clinical record (intake, treatment note), and when.
 */
package clinic.relief.audit;
