-- Emails to patients, written in the same transaction as the change they report and sent later by a worker.
-- A row is locked (FOR UPDATE SKIP LOCKED) while it is sent, so several app instances never send one twice.
-- Subjects and bodies hold time, place and first name only: never a service name or anything medical.
create table booking_outbox (
    id             uuid         primary key,
    kind           varchar(20)  not null check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLATION')),
    appointment_id uuid         not null references booking_appointment (id),
    recipient      varchar(254) not null,
    subject        varchar(200) not null,
    body           text         not null,
    created_at     timestamptz  not null,
    send_after     timestamptz  not null,
    attempts       int          not null default 0,
    sent_at        timestamptz,
    voided_at      timestamptz,
    last_error     varchar(200)
);
create index booking_outbox_due on booking_outbox (send_after) where sent_at is null and voided_at is null;
