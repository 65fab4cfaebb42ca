-- A secret feed address per therapist for their private calendar; a new token replaces (revokes) the old one.
create table booking_calendar_feed (
    therapist_id uuid        primary key,
    token        varchar(64) not null unique,
    created_at   timestamptz not null
);
