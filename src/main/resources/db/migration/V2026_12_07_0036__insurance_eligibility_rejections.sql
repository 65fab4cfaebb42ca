-- A payer's AAA answer to a 270 (issue 20): the 271 changes none of the coverage's terms and is logged as refused,
-- but the coverage it answers (by its trace number) shows that the payer could not check it and why (AAA03 reason,
-- AAA04 follow-up), e.g. 72 invalid member id, 73 invalid name, 75 subscriber not found.
create table insurance_eligibility_rejection (
    id          uuid         primary key,
    coverage_id uuid         not null references insurance_coverage (id),
    file_id     uuid         not null references insurance_x12_file (id),
    rejected_at timestamptz  not null,
    reasons     varchar(2)[] not null,
    follow_ups  varchar(1)[] not null
);
create index insurance_eligibility_rejection_coverage on insurance_eligibility_rejection (coverage_id, rejected_at desc);
