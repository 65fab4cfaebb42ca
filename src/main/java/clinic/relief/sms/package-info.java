/**
 * Text messages: consent per channel, the text outbox and its worker (Twilio's SDK), and Twilio's webhooks for
 * replies and delivery status.
 */
@NullMarked
package clinic.relief.sms;

import org.jspecify.annotations.NullMarked;
