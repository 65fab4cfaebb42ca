-- One-step accounts: the booking's confirmed e-mail link proved the address, so the confirmation page (and the
-- confirmation e-mail) offer an account with one password entry. Each offer is a single-use secret of which only the
-- SHA-256 is stored, for one patient record and its address.
create table patient_account_offer (
    token_hash text primary key,
    patient_id uuid not null,
    email      text not null,
    expires_at timestamptz not null,
    created_at timestamptz not null,
    used_at    timestamptz
);
create index patient_account_offer_patient on patient_account_offer (patient_id);
