/** Today at {@code /staff}: the front desk's open items, a therapist's clients, the owner's figures of the day. */
@NullMarked
package clinic.relief.workspace.today;

import org.jspecify.annotations.NullMarked;
