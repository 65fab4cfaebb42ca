-- Why the desk cancelled an appointment (a short choice and an optional note), who did, and whether the late fee
-- the cancellation would have owed was waived on the same confirm step. Cancellations from the portal, the manage
-- link or the API have no row: they name no reason.
create table booking_cancellation (
    appointment_id uuid primary key references booking_appointment (id) on delete cascade,
    reason         text not null check (reason in ('PATIENT_REQUEST', 'ILLNESS', 'CLINIC', 'NONE')),
    note           text not null default '' check (length(note) <= 200),
    fee_waived     boolean not null,
    cancelled_by   text not null,
    cancelled_at   timestamptz not null
);
