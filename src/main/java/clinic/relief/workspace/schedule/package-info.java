/** The schedule grid: a day or week per therapist or room, booking from free time, moving, the appointment panel. */
@NullMarked
package clinic.relief.workspace.schedule;

import org.jspecify.annotations.NullMarked;
