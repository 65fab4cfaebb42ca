-- Verification-first online booking. A visitor who is not signed in gets a PENDING appointment: it holds the
-- therapist and the room like any other (the exclusion constraints count every status but CANCELLED) until the
-- e-mailed link confirms it or the hold expires, when it becomes CANCELLED and holds nothing.
-- A pending appointment belongs to an unverified placeholder patient (see patient.unverified), never to an
-- existing record: only the confirmed e-mail address may attach it to one.
alter table booking_appointment drop constraint booking_appointment_status_check;
alter table booking_appointment add constraint booking_appointment_status_check
    check (status in ('PENDING', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED'));

-- The link: only a SHA-256 of the token is stored; the token itself is only ever in the e-mail.
create table booking_online_hold (
    appointment_id uuid         primary key references booking_appointment (id),
    email          varchar(254) not null,
    token_hash     varchar(64)  not null unique,
    expires_at     timestamptz  not null,
    confirmed_at   timestamptz,
    expired_at     timestamptz,
    created_at     timestamptz  not null
);
create index booking_online_hold_open on booking_online_hold (expires_at)
    where confirmed_at is null and expired_at is null;

-- Outbox e-mails that are not about one booked appointment: verification links and waitlist offers.
alter table booking_outbox drop constraint booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT', 'WAITLIST_OFFER'));
alter table booking_outbox alter column appointment_id drop not null;
