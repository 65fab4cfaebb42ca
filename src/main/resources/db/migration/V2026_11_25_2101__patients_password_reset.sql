-- "Forgot password" links for confirmed patient accounts: single use, 60 minutes, only a SHA-256 of the token is
-- stored. Using one link spends every other reset link of the account too.
create table patient_password_reset (
    token_hash varchar(64) primary key,
    account_id uuid        not null references patient_account (id),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index patient_password_reset_account on patient_password_reset (account_id, created_at);
