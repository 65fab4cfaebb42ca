-- The waitlist: a patient asks for a service and length within a date range and part of day, optionally with one
-- therapist. When a matching time frees up, the first waiting request (by created_at) gets an offer by e-mail with
-- a single-use link (only its SHA-256 is stored); an offer that runs out goes to the next request.
create table booking_waitlist (
    id           uuid        primary key,
    patient_id   uuid        not null references patient (id),
    service_id   varchar(60) not null,
    minutes      int         not null check (minutes > 0),
    first_day    date        not null,
    last_day     date        not null,
    part_of_day  varchar(10) not null check (part_of_day in ('ANY', 'MORNING', 'AFTERNOON', 'EVENING')),
    therapist_id uuid,
    status       varchar(10) not null check (status in ('WAITING', 'BOOKED', 'WITHDRAWN')),
    created_at   timestamptz not null,
    check (first_day <= last_day)
);
create index booking_waitlist_waiting on booking_waitlist (created_at) where status = 'WAITING';

-- free_from/free_to: the time the cancellation freed; the next request is matched against it when an offer expires.
create table booking_waitlist_offer (
    id           uuid        primary key,
    entry_id     uuid        not null references booking_waitlist (id),
    token_hash   varchar(64) not null unique,
    starts_at    timestamptz not null,
    therapist_id uuid        not null,
    free_from    timestamptz not null,
    free_to      timestamptz not null,
    expires_at   timestamptz not null,
    status       varchar(10) not null check (status in ('OPEN', 'CLAIMED', 'EXPIRED', 'TAKEN')),
    created_at   timestamptz not null
);
create index booking_waitlist_offer_open on booking_waitlist_offer (expires_at) where status = 'OPEN';
create index booking_waitlist_offer_entry on booking_waitlist_offer (entry_id);
