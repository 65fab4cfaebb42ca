-- The deposit of a visitor who is not signed in (guest): its patient is the booking's unverified placeholder until
-- the payment books it (then the patient the placeholder joined). A guest's deposit that ends unpaid forgets the
-- placeholder (patient_id null), so nothing of what the visitor typed is kept once the placeholder is purged.
alter table payments_deposit alter column patient_id drop not null;
alter table payments_deposit add column guest boolean not null default false;
