/**
 * Booking: therapists' hours, rooms, availability, and appointments that PostgreSQL itself keeps from overlapping.
 */
package clinic.relief.booking;
