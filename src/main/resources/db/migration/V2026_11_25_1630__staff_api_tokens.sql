-- Bearer tokens for staff API clients. Only the SHA-256 of a token is kept; the token itself is shown once.
-- A revoked token is kept (revoked_at set) so the list shows what existed and when it stopped working.
create table staff_api_token (
    id           uuid         primary key,
    name         varchar(80)  not null,
    role         varchar(20)  not null check (role in ('OWNER', 'FRONT_DESK', 'THERAPIST')),
    token_sha256 char(64)     not null unique,
    created_by   varchar(254) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
