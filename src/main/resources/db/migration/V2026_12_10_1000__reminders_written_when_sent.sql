-- Reminders are written when they leave, not when they are queued: a reminder queued weeks ahead then carries the
-- clinic's phone and address and the patient's name, language and e-mail address of the day it is sent. Until then
-- such a row has no subject and no body; once sent, a row always has both, so the outbox keeps what left.
alter table booking_outbox
    alter column subject drop not null,
    alter column body drop not null,
    add constraint booking_outbox_sent_is_written check (sent_at is null or (subject is not null and body is not null));

alter table sms_outbox
    alter column body drop not null,
    add constraint sms_outbox_sent_is_written check (sent_at is null or body is not null);
