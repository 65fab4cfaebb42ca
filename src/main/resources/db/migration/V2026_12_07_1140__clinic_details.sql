-- The clinic's details the owner edits while the app runs (names, public phone, contact e-mail, address lines): one
-- row, copied from the clinic profile file at the first start, then changed only at /staff/settings/clinic. Each save
-- names the version it was made from, so of two saves from the same version one applies.
create table clinic_details (
    id            boolean     primary key default true check (id),
    name          text        not null check (length(name) between 1 and 120),
    short_name    text        not null check (length(short_name) between 1 and 60),
    center_name   text        not null check (length(center_name) <= 120),
    phone         text        not null check (phone ~ '^\+[0-9]{8,15}$'),
    phone_display text        not null check (length(phone_display) between 1 and 30),
    contact_email text        not null check (length(contact_email) <= 254),
    street        text        not null check (length(street) between 1 and 120),
    city          text        not null check (length(city) between 1 and 60),
    region        text        not null check (length(region) between 1 and 60),
    postal_code   text        not null check (length(postal_code) between 1 and 20),
    version       integer     not null default 0,
    changed_at    timestamptz not null,
    changed_by    text        not null
);

-- Who changed the details, when, and what they were before and after (written once).
create table clinic_details_change (
    id     bigint      generated always as identity primary key,
    at     timestamptz not null,
    actor  text        not null,
    before jsonb       not null,
    after  jsonb       not null
);

create index clinic_details_change_by_time on clinic_details_change (at);
