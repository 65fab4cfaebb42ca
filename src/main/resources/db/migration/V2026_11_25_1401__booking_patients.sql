-- Patients (owned by the patients module) and their intake. Health history is never deleted: a new intake
-- supersedes the previous one.
create table patient (
    id            uuid         primary key,
    first_name    varchar(80)  not null,
    last_name     varchar(80)  not null,
    phone         varchar(30),
    email         varchar(254),
    date_of_birth date,
    language      varchar(5)   not null default 'en',
    created_at    timestamptz  not null
);
create index patient_last_name on patient (lower(last_name) text_pattern_ops);
create index patient_phone_digits on patient (regexp_replace(phone, '[^0-9]', '', 'g'));
create unique index patient_email on patient (lower(email)) where email is not null;

create table patient_intake (
    id              uuid        primary key,
    patient_id      uuid        not null references patient (id),
    conditions      text,
    medications     text,
    allergies       text,
    recent_surgery  text,
    pregnant        boolean     not null default false,
    consent_version varchar(20) not null,
    privacy_version varchar(20) not null,
    consented_at    timestamptz not null
);
create index patient_intake_patient on patient_intake (patient_id, consented_at desc);
