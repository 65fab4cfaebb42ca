/**
 * Cross-cutting infrastructure: the database (embedded or server), security, locale, errors and the clock.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package clinic.relief.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
