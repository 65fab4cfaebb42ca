-- Claims (owned by the insurance module): one per completed appointment with coverage. Its number is the claim id
-- the 837P carries (CLM01) and the payer sends back in the 835 (CLP01).
create sequence insurance_claim_number start 1001;

create table insurance_claim (
    id              uuid          primary key,
    number          bigint        not null unique default nextval('insurance_claim_number'),
    appointment_id  uuid          not null unique references booking_appointment (id),
    patient_id      uuid          not null references patient (id),
    coverage_id     uuid          not null references insurance_coverage (id),
    prescription_id uuid          references insurance_prescription (id),
    therapist_id    uuid          not null,
    service_id      varchar(60)   not null,
    service_date    date          not null,
    state           varchar(12)   not null
        check (state in ('DRAFT', 'READY', 'SUBMITTED', 'PAID', 'PARTLY_PAID', 'DENIED', 'APPEALED')),
    diagnoses       varchar(8)[]  not null default '{}',
    charge          numeric(10, 2) not null check (charge >= 0),
    paid            numeric(10, 2) not null default 0,
    patient_share   numeric(10, 2) not null default 0,
    created_at      timestamptz   not null,
    submitted_at    timestamptz,
    settled_at      timestamptz
);
create index insurance_claim_state on insurance_claim (state, service_date);

create table insurance_claim_line (
    claim_id  uuid          not null references insurance_claim (id),
    line_no   int           not null check (line_no between 1 and 50),
    cpt       varchar(5)    not null,
    minutes   int           not null check (minutes >= 0),
    units     int           not null check (units > 0),
    charge    numeric(10, 2) not null check (charge >= 0),
    pointers  varchar(7)    not null,
    primary key (claim_id, line_no)
);

-- Each remittance line posted, keyed by the payer's trace number, our claim number and the payer's claim control
-- number, so that importing the same 835 twice posts nothing twice.
create table insurance_claim_payment (
    id             uuid           primary key,
    claim_id       uuid           not null references insurance_claim (id),
    reference      varchar(200)   not null unique,
    status_code    varchar(2)     not null,
    paid           numeric(10, 2) not null,
    patient_share  numeric(10, 2) not null,
    posted_at      timestamptz    not null
);

create table insurance_claim_adjustment (
    payment_id  uuid           not null references insurance_claim_payment (id),
    group_code  varchar(2)     not null,
    reason_code varchar(5)     not null,
    amount      numeric(10, 2) not null
);
