-- Insurance (owned by the insurance module): a patient's coverage, prescriptions/referrals and the eligibility
-- checks the desk makes. Nothing here is deleted: a record that no longer applies is voided with a reason.
create table insurance_coverage (
    id                     uuid          primary key,
    patient_id             uuid          not null references patient (id),
    payer_name             varchar(120)  not null,
    payer_id               varchar(80)   not null,
    plan_type              varchar(10)   not null check (plan_type in ('PPO', 'EPO', 'HMO', 'POS', 'OTHER')),
    member_id              varchar(80)   not null,
    group_number           varchar(50),
    relationship           varchar(10)   not null check (relationship in ('SELF', 'SPOUSE', 'CHILD', 'OTHER')),
    subscriber_first_name  varchar(80)   not null,
    subscriber_last_name   varchar(80)   not null,
    subscriber_birth_date  date          not null,
    subscriber_sex         char(1)       not null check (subscriber_sex in ('F', 'M', 'U')),
    subscriber_street      varchar(120)  not null,
    subscriber_city        varchar(80)   not null,
    subscriber_state       char(2)       not null,
    subscriber_zip         varchar(10)   not null,
    copay                  numeric(8, 2) not null check (copay >= 0),
    coinsurance_percent    numeric(5, 2) not null check (coinsurance_percent between 0 and 100),
    deductible             numeric(8, 2) not null check (deductible >= 0),
    deductible_met         numeric(8, 2) not null check (deductible_met >= 0),
    plan_year_start        date          not null,
    visits_allowed         int           check (visits_allowed >= 0),
    visits_used            int           not null default 0 check (visits_used >= 0),
    auth_number            varchar(50),
    auth_visits            int           check (auth_visits >= 0),
    auth_visits_used       int           not null default 0 check (auth_visits_used >= 0),
    auth_from              date,
    auth_to                date,
    credit_on_insured      boolean       not null default false,
    effective_from         date          not null,
    effective_to           date,
    created_at             timestamptz   not null,
    created_by             varchar(254)  not null,
    voided_at              timestamptz,
    voided_by              varchar(254),
    void_reason            text,
    check (effective_to is null or effective_from <= effective_to),
    check (auth_from is null or auth_to is null or auth_from <= auth_to)
);
create index insurance_coverage_patient on insurance_coverage (patient_id) where voided_at is null;

create table insurance_prescription (
    id                  uuid         primary key,
    patient_id          uuid         not null references patient (id),
    referring_first     varchar(80)  not null,
    referring_last      varchar(80)  not null,
    referring_npi       char(10)     not null,
    diagnoses           varchar(8)[] not null check (cardinality(diagnoses) between 1 and 12),
    frequency           varchar(80)  not null,
    duration_weeks      int          not null check (duration_weeks > 0),
    written_on          date         not null,
    expires_on          date         not null,
    created_at          timestamptz  not null,
    created_by          varchar(254) not null,
    voided_at           timestamptz,
    voided_by           varchar(254),
    void_reason         text,
    check (written_on <= expires_on)
);
create index insurance_prescription_patient on insurance_prescription (patient_id) where voided_at is null;

create table insurance_eligibility_check (
    id              uuid         primary key,
    coverage_id     uuid         not null references insurance_coverage (id),
    checked_at      timestamptz  not null,
    checked_by      varchar(254) not null,
    active          boolean      not null,
    visits_left     int          check (visits_left >= 0),
    reference       varchar(80),
    note            varchar(500)
);
create index insurance_eligibility_coverage on insurance_eligibility_check (coverage_id, checked_at desc);
