/**
 * Relief, the web system of a massage clinic: each sub-package is one application module (Spring Modulith), and this
 * package holds only the application's entry point.
 */
@NullMarked
package clinic.relief;

import org.jspecify.annotations.NullMarked;
