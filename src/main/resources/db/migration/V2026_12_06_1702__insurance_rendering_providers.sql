-- Each therapist's identity as a rendering provider on claims, kept by the owner: legal first and last name and
-- credential as separate fields (the display name "James Okafor, CMT" is not a legal name), their own NPI and
-- taxonomy code. A therapist without a row bills under names read from the display name and the clinic's NPI.
create table insurance_rendering_provider (
    therapist_id uuid         primary key references staff_account (id),
    first_name   varchar(35)  not null,
    last_name    varchar(60)  not null,
    credential   varchar(20),
    npi          varchar(10)  check (npi ~ '^[0-9]{10}$'),
    taxonomy     varchar(10)  check (taxonomy ~ '^[0-9]{3}[0-9A-Z]{6}X$'),
    updated_at   timestamptz  not null,
    updated_by   varchar(254) not null
);
