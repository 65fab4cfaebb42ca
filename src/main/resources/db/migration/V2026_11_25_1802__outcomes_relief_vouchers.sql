-- The relief guarantee: one free follow-up voucher at most per appointment (the primary key refuses a second).
create table outcomes_voucher (
    appointment_id uuid        primary key references outcomes_visit (appointment_id),
    patient_id     uuid        not null,
    service_id     varchar(60) not null,
    pain_before    smallint    not null,
    pain_after     smallint    not null,
    valid_until    timestamptz not null,
    created_at     timestamptz not null,
    redeemed_at    timestamptz,
    redeemed_for   uuid
);
create index outcomes_voucher_patient on outcomes_voucher (patient_id);

-- The guarantee's e-mail goes through booking's outbox as kind RELIEF_OFFER. The list keeps every kind booking uses
-- (including those of the verification-first booking work); whoever adds a kind later lists them all again.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT', 'WAITLIST_OFFER',
                    'DOCUMENT', 'RELIEF_OFFER'));
