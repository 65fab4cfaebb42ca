-- Eligibility by X12 270/271: the 270s sent (their trace number finds the coverage a 271 answers), what a 271 said
-- beside the desk's own checks, and 270/271 files in the X12 file log.
alter table insurance_x12_file drop constraint insurance_x12_file_kind_check;
alter table insurance_x12_file add constraint insurance_x12_file_kind_check
    check (kind in ('835', '999', '277CA', '837', '270', '271'));

create table insurance_eligibility_request (
    trace       varchar(30)  primary key,
    coverage_id uuid         not null references insurance_coverage (id),
    sent_at     timestamptz  not null,
    sent_by     varchar(254) not null,
    file_id     uuid         not null references insurance_x12_file (id)
);
create index insurance_eligibility_request_coverage on insurance_eligibility_request (coverage_id, sent_at desc);

alter table insurance_eligibility_check
    add column file_id               uuid references insurance_x12_file (id),
    add column plan_name             varchar(80),
    add column service_type          varchar(3),
    add column copay                 numeric(12, 2) check (copay >= 0),
    add column coinsurance_percent   numeric(5, 2) check (coinsurance_percent between 0 and 100),
    add column deductible_remaining  numeric(12, 2) check (deductible_remaining >= 0),
    add column visits_allowed        int check (visits_allowed >= 0);
