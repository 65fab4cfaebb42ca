-- Appointments. PostgreSQL itself refuses overlaps, whatever path and however many app instances:
--   a therapist and a room are held for [starts_at, blocked_until), the session plus the service's clean-up buffer;
--   a patient is held for the session only, [starts_at, ends_at).
-- Cancelled appointments hold nothing.
create table booking_appointment (
    id            uuid         primary key,
    patient_id    uuid         not null references patient (id),
    therapist_id  uuid         not null,
    room_id       uuid         references booking_room (id),
    service_id    varchar(60)  not null,
    minutes       int          not null check (minutes > 0),
    starts_at     timestamptz  not null,
    ends_at       timestamptz  not null,
    blocked_until timestamptz  not null,
    status        varchar(12)  not null
        check (status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    source        varchar(12)  not null check (source in ('ONLINE', 'FRONT_DESK')),
    assessment_id uuid,
    fee_owed      numeric(8, 2),
    fee_reason    varchar(12)  check (fee_reason in ('LATE_CANCEL', 'NO_SHOW')),
    cancelled_at  timestamptz,
    created_at    timestamptz  not null,
    check (starts_at < ends_at and ends_at <= blocked_until),
    constraint booking_therapist_free exclude using gist
        (therapist_id with =, tstzrange(starts_at, blocked_until, '[)') with &&) where (status <> 'CANCELLED'),
    constraint booking_room_free exclude using gist
        (room_id with =, tstzrange(starts_at, blocked_until, '[)') with &&)
        where (status <> 'CANCELLED' and room_id is not null),
    constraint booking_patient_free exclude using gist
        (patient_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (status <> 'CANCELLED')
);
create index booking_appointment_starts on booking_appointment (starts_at);

-- A retried POST with the same Idempotency-Key returns the first result and books nothing twice.
create table booking_idempotency (
    key            varchar(100) primary key,
    appointment_id uuid         not null references booking_appointment (id),
    created_at     timestamptz  not null
);
