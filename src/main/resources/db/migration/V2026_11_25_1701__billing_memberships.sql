-- Member savings plans, memberships, the monthly charges and the credit ledger.
create table billing_plan (
    id                  varchar(60)   primary key,
    name_en             varchar(100)  not null,
    name_es             varchar(100)  not null,
    monthly_fee         numeric(12,2) not null check (monthly_fee >= 0),
    rollover_cap        int           not null check (rollover_cap >= 0),
    credit_months       int           not null check (credit_months >= 1),
    days_after_cancel   int           not null check (days_after_cancel >= 0),
    minimum_term_months int           not null check (minimum_term_months >= 0),
    early_cancel_fee    numeric(12,2) not null check (early_cancel_fee >= 0),
    notice_days         int           not null check (notice_days >= 0),
    freeze_fee          numeric(12,2) not null check (freeze_fee >= 0),
    household_sharing   boolean       not null,
    credit_on_insured   boolean       not null,
    offered             boolean       not null default true
);
-- Credits a plan grants each month, by service and session length.
create table billing_plan_credit (
    plan_id    varchar(60) not null references billing_plan (id),
    service_id varchar(60) not null,
    minutes    int         not null check (minutes > 0),
    credits    int         not null check (credits > 0),
    primary key (plan_id, service_id, minutes)
);
-- Member prices for sessions beyond the credits.
create table billing_plan_price (
    plan_id    varchar(60)   not null references billing_plan (id),
    service_id varchar(60)   not null,
    minutes    int           not null check (minutes > 0),
    price      numeric(12,2) not null check (price >= 0),
    primary key (plan_id, service_id, minutes)
);

create table billing_membership (
    id                  uuid        primary key,
    patient_id          uuid        not null,
    plan_id             varchar(60) not null references billing_plan (id),
    next_plan_id        varchar(60) references billing_plan (id),
    status              varchar(12) not null check (status in ('ACTIVE', 'FROZEN', 'CANCELLED')),
    started_on          date        not null,
    frozen_until        date,
    cancel_requested_on date,
    ends_on             date,
    credits_end         timestamptz,
    created_at          timestamptz not null,
    check ((status = 'CANCELLED') = (ends_on is not null)),
    check ((status = 'FROZEN') = (frozen_until is not null))
);
-- One live membership per patient.
create unique index billing_membership_live on billing_membership (patient_id) where status <> 'CANCELLED';

create table billing_membership_household (
    membership_id uuid not null references billing_membership (id),
    patient_id    uuid not null,
    primary key (membership_id, patient_id)
);

-- One charge per membership and clinic month: the primary key is what makes a second or concurrent run a no-op.
create table billing_membership_charge (
    membership_id uuid          not null references billing_membership (id),
    period        date          not null check (extract(day from period) = 1),
    kind          varchar(12)   not null check (kind in ('MONTHLY', 'FREEZE')),
    amount        numeric(12,2) not null check (amount >= 0),
    invoice_id    uuid          not null,
    charged_at    timestamptz   not null,
    primary key (membership_id, period)
);

-- The credit ledger: a balance is only ever the sum of these rows. GRANT rows carry the credit and its expiry;
-- USE, RETURN and EXPIRE rows point at the grant they move.
create table billing_credit_entry (
    id             uuid        primary key,
    membership_id  uuid        not null references billing_membership (id),
    grant_id       uuid        references billing_credit_entry (id),
    kind           varchar(8)  not null check (kind in ('GRANT', 'USE', 'RETURN', 'EXPIRE')),
    service_id     varchar(60) not null,
    minutes        int         not null,
    quantity       int         not null,
    period         date,
    expires_at     timestamptz,
    appointment_id uuid,
    at             timestamptz not null,
    check ((kind = 'GRANT') = (grant_id is null)),
    check ((kind = 'GRANT') = (expires_at is not null)),
    check ((kind in ('GRANT', 'RETURN')) = (quantity > 0)),
    check (quantity <> 0)
);
create index billing_credit_entry_grant on billing_credit_entry (grant_id);
create index billing_credit_entry_membership on billing_credit_entry (membership_id);
create unique index billing_credit_grant_once on billing_credit_entry (membership_id, period, service_id, minutes)
    where kind = 'GRANT';
create unique index billing_credit_use_once on billing_credit_entry (appointment_id, kind)
    where appointment_id is not null;

-- The clinic's plan; edit or add plans here (or in a later migration) for another clinic.
insert into billing_plan values ('relief-monthly', 'Relief Monthly', 'Relief Mensual', 79.00, 2, 3, 60, 6, 50.00,
                                 30, 10.00, true, false, true);
insert into billing_plan_credit values ('relief-monthly', 'trigger-point', 60, 1);
insert into billing_plan_price values ('relief-monthly', 'trigger-point', 60, 89.00),
                                      ('relief-monthly', 'trigger-point', 90, 129.00),
                                      ('relief-monthly', 'deep-tissue', 60, 85.00),
                                      ('relief-monthly', 'swedish', 60, 75.00);
