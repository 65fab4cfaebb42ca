-- Membership dues charged to the card on file: one row per membership invoice the payments module took, with its
-- attempts (each its own idempotency key), the retry schedule (days 3, 5 and 7 after the first attempt) and the
-- link a patient uses when the bank asks for authentication (only its SHA-256 stored).
create table payments_dues (
    invoice_id         uuid primary key,
    membership_id      uuid        not null,
    patient_id         uuid        not null,
    period             date        not null,
    amount             numeric(12, 2) not null check (amount > 0),
    state              text        not null
        check (state in ('DUE', 'CHARGING', 'RETRYING', 'NEEDS_AUTHENTICATION', 'AUTHENTICATING', 'PAUSED', 'PAID',
                         'SETTLED')),
    attempt            int         not null default 0,
    failures           int         not null default 0,
    payment_method_id  text,
    payment_intent_id  text,
    failure_code       text,
    link_hash          text unique,
    first_tried_on     date,
    next_attempt_at    timestamptz,
    created_at         timestamptz not null,
    changed_at         timestamptz not null
);
create index payments_dues_next on payments_dues (next_attempt_at)
    where state in ('DUE', 'CHARGING', 'RETRYING', 'NEEDS_AUTHENTICATION', 'AUTHENTICATING', 'PAUSED');
create index payments_dues_patient on payments_dues (patient_id);

-- The dues e-mails are one more outbox kind, added to whatever the check allows at this point (as the dispute
-- e-mail's migration does), so that migrations adding kinds side by side keep each other's.
do $$
declare
    current_check text;
begin
    select pg_get_constraintdef(oid) into current_check
    from pg_constraint where conname = 'booking_outbox_kind_check' and conrelid = 'booking_outbox'::regclass;
    if current_check is not null and position('MEMBERSHIP_DUES' in current_check) = 0 then
        execute 'alter table booking_outbox drop constraint booking_outbox_kind_check';
        execute 'alter table booking_outbox add constraint booking_outbox_kind_check check (kind = ''MEMBERSHIP_DUES'' or '
            || substring(current_check from 7) || ')';
    end if;
end $$;
