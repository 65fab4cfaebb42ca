/**
 * Mail: the outbox every module queues patients' e-mails in, within its own transaction, and the worker that sends them.
 */
@NullMarked
package clinic.relief.mail;

import org.jspecify.annotations.NullMarked;
