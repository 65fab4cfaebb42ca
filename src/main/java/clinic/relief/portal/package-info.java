/**
 * The patient portal: patients' own accounts (sign up, confirm, sign in), their appointments (cancel and
 * reschedule within the policy) and their waitlist requests.
 */
@NullMarked
package clinic.relief.portal;

import org.jspecify.annotations.NullMarked;
