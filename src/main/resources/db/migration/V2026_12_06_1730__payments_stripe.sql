-- Stripe: the patient's customer and card on file, the checkout pages begun, webhook events received once, and the
-- late-cancellation and no-show fees charged off-session. No card number is ever stored: only what Stripe shows.
create table payments_customer (
    patient_id          uuid primary key,
    stripe_customer_id  text        not null unique,
    payment_method_id   text,
    brand               text,
    last4               text,
    exp_month           int,
    exp_year            int,
    policy_version      text,
    policy_accepted_at  timestamptz,
    card_saved_at       timestamptz,
    created_at          timestamptz not null
);

create table payments_checkout (
    session_id          text primary key,
    patient_id          uuid        not null,
    mode                text        not null check (mode in ('setup')),
    policy_version      text        not null,
    policy_accepted_at  timestamptz not null,
    created_at          timestamptz not null,
    completed_at        timestamptz
);

create table payments_webhook_event (
    id           text primary key,
    type         text        not null,
    received_at  timestamptz not null
);

create table payments_fee (
    id                 uuid primary key,
    appointment_id     uuid        not null unique,
    patient_id         uuid        not null,
    invoice_id         uuid        not null,
    amount             numeric(12, 2) not null check (amount > 0),
    reason             text        not null check (reason in ('LATE_CANCEL', 'NO_SHOW')),
    state              text        not null
        check (state in ('PENDING', 'CHARGING', 'PAID', 'WAIVED', 'DECLINED', 'NEEDS_AUTHENTICATION', 'NO_CARD')),
    attempt            int         not null default 0,
    payment_method_id  text,
    payment_intent_id  text unique,
    failure_code       text,
    created_at         timestamptz not null,
    due_at             timestamptz not null,
    changed_at         timestamptz not null,
    changed_by         text
);
create index payments_fee_due on payments_fee (due_at) where state in ('PENDING', 'CHARGING');
create index payments_fee_patient on payments_fee (patient_id);

-- A card payment through Stripe is one more way to pay an invoice (its note holds the PaymentIntent id).
alter table billing_payment drop constraint billing_payment_method_check;
alter table billing_payment add constraint billing_payment_method_check
    check (method in ('CARD_TERMINAL', 'CASH', 'CHECK', 'HSA_FSA', 'GIFT_CARD', 'CARD_ON_FILE'));
create unique index billing_payment_stripe_once on billing_payment (note) where method = 'CARD_ON_FILE';
