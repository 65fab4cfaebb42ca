create table staff_account (
    id              uuid         primary key,
    email           varchar(254) not null,
    display_name    varchar(120) not null,
    role            varchar(20)  not null check (role in ('OWNER', 'FRONT_DESK', 'THERAPIST')),
    password_hash   varchar(200) not null,
    license_type    varchar(120),
    license_number  varchar(60),
    bio_en          text,
    bio_es          text,
    listed          boolean      not null default false,
    active          boolean      not null default true,
    created_at      timestamptz  not null default now()
);

create unique index staff_account_email on staff_account (lower(email));

-- Failed sign-ins per account name (also for names that match no account, so that a lock-out reveals nothing).
create table login_throttle (
    username_key    varchar(254) primary key,
    failures        int          not null,
    first_failed_at timestamptz  not null,
    locked_until    timestamptz
);
