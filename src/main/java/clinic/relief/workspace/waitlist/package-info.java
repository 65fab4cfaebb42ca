/** The staff waitlist: add a caller, see who waits for what, offer a freed time, take a request off. */
@NullMarked
package clinic.relief.workspace.waitlist;

import org.jspecify.annotations.NullMarked;
