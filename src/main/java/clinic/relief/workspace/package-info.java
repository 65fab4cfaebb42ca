/**
 * The staff workspace: the screens the front desk, therapists and the owner run the day from (Today, the schedule
 * grid, the patient chart, the staff waitlist). It composes the other modules' public APIs and owns no clinical or
 * financial record of its own; each capability sits in its own sub-package with its controllers beside it.
 */
@NullMarked
package clinic.relief.workspace;

import org.jspecify.annotations.NullMarked;
