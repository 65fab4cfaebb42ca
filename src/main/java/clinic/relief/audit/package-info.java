/**
 * Audit: an append-only trail of who opened or changed which clinical record (intake, treatment note), and when.
 */
@NullMarked
package clinic.relief.audit;

import org.jspecify.annotations.NullMarked;
