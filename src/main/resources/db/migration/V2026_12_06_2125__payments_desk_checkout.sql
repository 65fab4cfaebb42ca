-- Checkout at the desk: one row per visit's invoice whose version moves on with every action taken from the
-- checkout page (a tip, a payment, a card charge), so of two clicks at once exactly one acts; and the charge of the
-- card on file or on the card reader under way, with its attempt (the idempotency key is made of the invoice and the
-- attempt); a reader's attempt keeps "reader:<id>" as its payment method and the card-present PaymentIntent's id.
create table payments_desk_checkout (
    invoice_id         uuid primary key,
    appointment_id     uuid        not null unique,
    patient_id         uuid        not null,
    version            int         not null default 0,
    attempt            int         not null default 0,
    state              text        not null default 'OPEN'
        check (state in ('OPEN', 'CHARGING', 'DECLINED', 'NEEDS_AUTHENTICATION')),
    charge_amount      numeric(12, 2),
    payment_method_id  text,
    payment_intent_id  text,
    failure_code       text,
    changed_at         timestamptz not null
);
create index payments_desk_checkout_charging on payments_desk_checkout (changed_at) where state = 'CHARGING';

-- Tips given at checkout, one per invoice, for the visit's therapist (the name kept as it was shown).
create table payments_tip (
    invoice_id      uuid primary key,
    appointment_id  uuid           not null,
    therapist_id    uuid           not null,
    therapist_name  text           not null,
    amount          numeric(12, 2) not null check (amount > 0),
    recorded_by     text           not null,
    recorded_at     timestamptz    not null
);
create index payments_tip_at on payments_tip (recorded_at);
