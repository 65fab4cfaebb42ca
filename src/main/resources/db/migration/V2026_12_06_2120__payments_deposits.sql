-- Deposits and prepayment per service. A service without a row asks for nothing; FIXED asks for its amount, FULL_PRICE
-- for the session's list price. Kept apart from the services' own settings so that either can change alone.
create table payments_service_deposit (
    service_id  text primary key,
    kind        text        not null check (kind in ('FIXED', 'FULL_PRICE')),
    amount      numeric(12, 2) check (amount > 0),
    changed_by  text        not null,
    changed_at  timestamptz not null,
    check ((kind = 'FIXED') = (amount is not null))
);

-- One deposit per held online booking: the slot is held (a PENDING appointment) until Stripe says it was paid, or
-- until the hold runs out (expires_at, which the Checkout page's own expiry matches). Once PAID it is on the visit's
-- invoice; a cancellation then keeps it as the fee (KEPT) or refunds it (REFUNDED). A payment that arrives after the
-- hold ended is refunded whole (LATE_REFUNDED) and books nothing.
create table payments_deposit (
    id                  uuid primary key,
    appointment_id      uuid        not null unique,
    patient_id          uuid        not null,
    amount              numeric(12, 2) not null check (amount >= 0.50),
    state               text        not null
        check (state in ('OPEN', 'PAID', 'EXPIRED', 'LATE_REFUNDED', 'KEPT', 'REFUNDED')),
    checkout_session_id text unique,
    checkout_url        text,
    payment_intent_id   text unique,
    refund_id           text,
    expires_at          timestamptz not null,
    created_at          timestamptz not null,
    changed_at          timestamptz not null
);
create index payments_deposit_open on payments_deposit (expires_at) where state = 'OPEN';
