-- Text messages (the sms module). Patients and appointments are referred to by id without foreign keys, as the
-- outbox does: a placeholder patient and its appointments may be purged, and what was texted stays on record.

-- Consent per patient and channel: every decision is a row (when, where it came from); the newest one counts.
create table sms_consent (
    id bigserial primary key,
    patient_id uuid not null,
    channel text not null check (channel in ('EMAIL', 'TEXT')),
    granted boolean not null,
    phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    recorded_at timestamptz not null,
    source text not null check (length(source) between 1 and 200),
    check (channel <> 'TEXT' or phone is not null)
);
create index sms_consent_latest on sms_consent (patient_id, channel, recorded_at desc, id desc);
create index sms_consent_phone on sms_consent (phone);

-- Numbers that are not texted: the holder replied STOP (until START), or Twilio failed them permanently.
create table sms_blocked_number (
    phone text primary key check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    reason text not null check (reason in ('OPTED_OUT', 'FAILED')),
    error_code integer,
    blocked_at timestamptz not null
);

-- The text outbox: written in the caller's transaction, sent by the worker after the commit.
create table sms_outbox (
    id uuid primary key,
    kind text not null check (kind in ('REMINDER')),
    appointment_id uuid,
    patient_id uuid not null,
    recipient text not null check (recipient ~ '^\+[1-9][0-9]{6,14}$'),
    body text not null,
    created_at timestamptz not null,
    send_after timestamptz not null,
    sent_at timestamptz,
    voided_at timestamptz,
    void_reason text,
    attempts integer not null default 0,
    last_error text,
    message_sid text unique,
    status text,
    error_code integer,
    status_at timestamptz
);
create index sms_outbox_due on sms_outbox (send_after) where sent_at is null and voided_at is null;
create index sms_outbox_appointment on sms_outbox (appointment_id);
create index sms_outbox_patient on sms_outbox (patient_id, created_at desc);
create index sms_outbox_recipient on sms_outbox (recipient, sent_at desc);

-- Texts received. A MessageSid is stored once, so a replayed webhook changes nothing.
create table sms_inbound (
    message_sid text primary key,
    sender text not null,
    patient_id uuid,
    body text not null,
    keyword text not null check (keyword in ('CONFIRM', 'STOP', 'START', 'HELP', 'OTHER')),
    received_at timestamptz not null,
    handled_at timestamptz
);
create index sms_inbound_patient on sms_inbound (patient_id, received_at desc);
create index sms_inbound_open on sms_inbound (received_at) where keyword = 'OTHER' and handled_at is null;

-- Booking: an appointment the patient confirmed (by a text reply, or another way later).
create table booking_appointment_confirmation (
    appointment_id uuid primary key,
    confirmed_at timestamptz not null,
    source text not null
);
