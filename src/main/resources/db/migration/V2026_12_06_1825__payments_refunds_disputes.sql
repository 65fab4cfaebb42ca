-- Refunds of card payments made through Stripe, each numbered per PaymentIntent (the number is part of its
-- idempotency key and the unique pair keeps two desks from refunding the same money at once), and disputes Stripe
-- reports against an invoice's card payment.
create table payments_refund (
    id                 uuid primary key,
    payment_intent_id  text           not null,
    seq                int            not null,
    invoice_id         uuid           not null,
    amount             numeric(12, 2) not null check (amount > 0),
    state              text           not null check (state in ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    stripe_refund_id   text unique,
    failure_code       text,
    requested_by       text           not null,
    created_at         timestamptz    not null,
    changed_at         timestamptz    not null,
    unique (payment_intent_id, seq)
);
create index payments_refund_invoice on payments_refund (invoice_id);

create table billing_invoice_dispute (
    dispute_id         text primary key,
    invoice_id         uuid           not null references billing_invoice (id),
    amount             numeric(12, 2) not null,
    reason             text           not null,
    created_at         timestamptz    not null
);
create index billing_invoice_dispute_invoice on billing_invoice_dispute (invoice_id);

-- The outbox accepts the owner's dispute notice: added to whatever kinds the constraint lists now, so this
-- migration keeps the kinds other migrations add.
do $$
declare
    current_check text;
begin
    select pg_get_constraintdef(oid) into current_check
    from pg_constraint where conname = 'booking_outbox_kind_check' and conrelid = 'booking_outbox'::regclass;
    if current_check is not null and position('PAYMENTS_DISPUTE' in current_check) = 0 then
        execute 'alter table booking_outbox drop constraint booking_outbox_kind_check';
        execute 'alter table booking_outbox add constraint booking_outbox_kind_check check (kind = ''PAYMENTS_DISPUTE'' or '
            || substring(current_check from 7) || ')';
    end if;
end $$;
