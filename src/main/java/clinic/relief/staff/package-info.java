/**
 * Staff accounts (owner, front desk, therapists), their sign-in and the public therapist profiles.
 */
@NullMarked
package clinic.relief.staff;

import org.jspecify.annotations.NullMarked;
