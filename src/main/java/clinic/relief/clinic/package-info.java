/**
 * The clinic profile (who the clinic is, where it works, what it sells) and the public pages that present it.
 */
package clinic.relief.clinic;
