-- A link the desk e-mails so a patient without an account can add a card on file (only its SHA-256 is stored).
create table payments_card_link (
    token_hash  text primary key,
    patient_id  uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index payments_card_link_patient on payments_card_link (patient_id);

-- Every outbox kind in use is listed again (as of V2026_12_06_1431), plus CARD_LINK.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CHANGE', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT',
                    'WAITLIST_OFFER', 'DOCUMENT', 'RELIEF_OFFER', 'PASSWORD_RESET', 'REQUEST_RECEIVED',
                    'REQUEST_DECLINED', 'REQUEST_LAPSED', 'ACCOUNT_EXISTS', 'CARD_LINK'));
