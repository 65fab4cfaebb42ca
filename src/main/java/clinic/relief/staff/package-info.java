/**
 * Staff accounts (owner, front desk, therapists), their sign-in and the public therapist profiles.
 */
package clinic.relief.staff;
