-- Invoices (one per appointment, or per membership charge or fee), their lines and the payments taken at the desk.
create sequence billing_invoice_number start 1001;
create table billing_invoice (
    id             uuid        primary key,
    number         bigint      not null unique default nextval('billing_invoice_number'),
    patient_id     uuid        not null,
    appointment_id uuid        unique,
    membership_id  uuid        references billing_membership (id),
    service_id     varchar(60),
    issued_at      timestamptz not null
);
create index billing_invoice_patient on billing_invoice (patient_id);

-- reference makes each event's line idempotent (a quote, a fee, a remittance line is posted once).
create table billing_invoice_line (
    id         bigserial     primary key,
    invoice_id uuid          not null references billing_invoice (id),
    kind       varchar(30)   not null,
    amount     numeric(12,2) not null,
    code       varchar(100)  not null,
    args       text[]        not null default '{}',
    reference  varchar(200)  unique,
    created_at timestamptz   not null
);
create index billing_invoice_line_invoice on billing_invoice_line (invoice_id);

create table billing_payment (
    id          uuid          primary key,
    invoice_id  uuid          not null references billing_invoice (id),
    kind        varchar(8)    not null check (kind in ('PAYMENT', 'REFUND')),
    method      varchar(14)   not null check (method in ('CARD_TERMINAL', 'CASH', 'CHECK', 'HSA_FSA')),
    amount      numeric(12,2) not null check (amount > 0),
    note        varchar(100),
    recorded_by varchar(254)  not null,
    at          timestamptz   not null
);
create index billing_payment_invoice on billing_payment (invoice_id);
create index billing_payment_at on billing_payment (at);
