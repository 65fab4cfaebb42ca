-- One link mechanism for every off-session payment the patient's bank wants authenticated (3-D Secure): membership
-- dues, late-cancellation and no-show fees, and the desk's charge of the card on file. A link names what it pays
-- (its kind and the dues' invoice, the fee or the checkout's invoice); only the token's SHA-256 is stored, and it
-- stops working after its expiry. The dues' links issued so far move here (their column is no longer read).
create table payments_authentication_link (
    link_hash   text primary key,
    kind        text        not null check (kind in ('DUES', 'FEE', 'CHECKOUT')),
    subject_id  uuid        not null,
    patient_id  uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index payments_authentication_link_subject on payments_authentication_link (kind, subject_id);

insert into payments_authentication_link (link_hash, kind, subject_id, patient_id, created_at, expires_at)
select link_hash, 'DUES', invoice_id, patient_id, changed_at, changed_at + interval '14 days'
from payments_dues
where link_hash is not null
on conflict (link_hash) do nothing;

-- A fee or a desk charge waits for the patient (NEEDS_AUTHENTICATION, its PaymentIntent kept) and is AUTHENTICATING
-- while the patient is on the bank's page.
alter table payments_fee drop constraint payments_fee_state_check;
alter table payments_fee add constraint payments_fee_state_check
    check (state in ('PENDING', 'CHARGING', 'PAID', 'WAIVED', 'DECLINED', 'NEEDS_AUTHENTICATION', 'AUTHENTICATING',
                     'NO_CARD', 'COVERED'));
create index payments_fee_authenticating on payments_fee (changed_at) where state = 'AUTHENTICATING';

alter table payments_desk_checkout drop constraint payments_desk_checkout_state_check;
alter table payments_desk_checkout add constraint payments_desk_checkout_state_check
    check (state in ('OPEN', 'CHARGING', 'DECLINED', 'NEEDS_AUTHENTICATION', 'AUTHENTICATING'));
create index payments_desk_checkout_authenticating on payments_desk_checkout (changed_at)
    where state = 'AUTHENTICATING';

-- The e-mail asking the patient to confirm a fee or a desk charge is one more outbox kind, added to whatever the
-- check allows at this point (as the dues' migration does).
do $$
declare
    current_check text;
begin
    select pg_get_constraintdef(oid) into current_check
    from pg_constraint where conname = 'booking_outbox_kind_check' and conrelid = 'booking_outbox'::regclass;
    if current_check is not null and position('PAYMENT_CONFIRM' in current_check) = 0 then
        execute 'alter table booking_outbox drop constraint booking_outbox_kind_check';
        execute 'alter table booking_outbox add constraint booking_outbox_kind_check check (kind = ''PAYMENT_CONFIRM'' or '
            || substring(current_check from 7) || ')';
    end if;
end $$;
