/**
 * The pain finder on the web: its form and result pages and its public JSON API, over the plain-Java engine.
 */
@NullMarked
package clinic.relief.painmap.web;

import org.jspecify.annotations.NullMarked;
