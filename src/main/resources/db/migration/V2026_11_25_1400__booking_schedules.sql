-- Booking: rooms, therapists' weekly hours, breaks, time off and the services each therapist gives.
-- Therapists are staff accounts with role THERAPIST; their ids are kept here without a foreign key so that the
-- booking module owns its tables alone.
create extension if not exists btree_gist;

create table booking_room (
    id     uuid        primary key,
    name   varchar(80) not null unique,
    active boolean     not null default true
);

create table booking_therapist_hours (
    therapist_id uuid     not null,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    starts       time     not null,
    ends         time     not null,
    check (starts < ends),
    primary key (therapist_id, day_of_week, starts)
);

create table booking_therapist_break (
    therapist_id uuid     not null,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    starts       time     not null,
    ends         time     not null,
    check (starts < ends),
    primary key (therapist_id, day_of_week, starts)
);

create table booking_time_off (
    id           uuid      primary key,
    therapist_id uuid      not null,
    period       tstzrange not null check (not isempty(period))
);
create index booking_time_off_therapist on booking_time_off using gist (therapist_id, period);

create table booking_therapist_service (
    therapist_id uuid        not null,
    service_id   varchar(60) not null,
    primary key (therapist_id, service_id)
);
