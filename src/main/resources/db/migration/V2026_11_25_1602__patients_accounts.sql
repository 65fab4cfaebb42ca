-- Patients' own accounts: e-mail and bcrypt password, usable once the e-mail is confirmed by an e-mailed link
-- (only a SHA-256 of the link's token is stored). A confirmed account points to the patient record with that e-mail.
create table patient_account (
    id            uuid         primary key,
    email         varchar(254) not null,
    password_hash varchar(200) not null,
    first_name    varchar(80)  not null,
    last_name     varchar(80)  not null,
    phone         varchar(30),
    language      varchar(5)   not null default 'en',
    patient_id    uuid         references patient (id),
    verified_at   timestamptz,
    created_at    timestamptz  not null
);
create unique index patient_account_email on patient_account (lower(email));

create table patient_account_token (
    token_hash varchar(64) primary key,
    account_id uuid        not null references patient_account (id),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index patient_account_token_account on patient_account_token (account_id);
