-- The manage link in every appointment e-mail: a secret that opens one appointment without signing in (see it,
-- confirm it, move it, cancel it). Only its SHA-256 (hex) is stored, like every other token; it works until the
-- appointment's end, wherever the appointment has moved meanwhile.
create table booking_manage_link (
    token_hash     text primary key,
    appointment_id uuid not null references booking_appointment (id) on delete cascade,
    created_at     timestamptz not null
);
create index booking_manage_link_appointment on booking_manage_link (appointment_id);

-- When the patient said they will come (from the manage link); a move asks again.
alter table booking_appointment add column patient_confirmed_at timestamptz;
