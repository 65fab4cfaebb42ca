/**
 * What other modules implement for billing: card charges of an invoice under way, counted against its balance, and
 * the card reader's charge, stopped when the desk records a payment taken another way.
 */
@NamedInterface("spi")
@NullMarked
package clinic.relief.billing.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
