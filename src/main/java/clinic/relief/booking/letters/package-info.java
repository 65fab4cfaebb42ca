/**
 * What booking's e-mails say (confirmations, reminders, changes, cancellations, requests, links) and their calendar files.
 */
@NullMarked
package clinic.relief.booking.letters;

import org.jspecify.annotations.NullMarked;
