-- Each time the patient starts confirming a waiting payment through its e-mailed link is one try, numbered per
-- PaymentIntent; the try's number is part of the idempotency key of the confirmation sent to Stripe. After a failed
-- authentication the next try asks Stripe again (a new key) instead of getting the first answer replayed, while a
-- second click during one try reuses its key, so Stripe confirms it once.
create table payments_authentication_try (
    payment_intent_id text        primary key,
    tries             int         not null check (tries > 0),
    changed_at        timestamptz not null
);
