-- 835 posting as payers send it (issue 20): the payer's claim control number (CLP07) on the claim, for corrected
-- and void claims; remark codes and the payer's claim number on each posted payment; provider-level adjustments
-- (PLB); and a log of every X12 file received or sent, with its content, so that a refused file can be posted again.
alter table insurance_claim add column if not exists payer_claim_number varchar(50);

alter table insurance_claim_payment add column payer_claim_number varchar(50) not null default '';
alter table insurance_claim_payment add column remark_codes varchar(8)[] not null default '{}';
alter table insurance_claim_payment add column file_id uuid;
alter table insurance_claim_payment add column seq bigint generated always as identity;

create table insurance_x12_file (
    id          uuid          primary key,
    kind        varchar(5)    not null check (kind in ('835', '999', '277CA', '837')),
    source      varchar(8)    not null check (source in ('UPLOAD', 'SFTP', 'API')),
    name        varchar(255)  not null,
    sha256      varchar(64)   not null,
    received_at timestamptz   not null,
    outcome     varchar(8)    not null check (outcome in ('POSTED', 'REFUSED', 'SENT')),
    problem     varchar(60),
    detail      text          not null default '',
    content     text          not null
);
create index insurance_x12_file_received on insurance_x12_file (received_at desc);

create table insurance_provider_adjustment (
    id          uuid           primary key,
    file_id     uuid           not null references insurance_x12_file (id),
    reference   varchar(200)   not null unique,
    provider    varchar(80)    not null,
    fiscal_date varchar(8)     not null,
    reason_code varchar(2)     not null,
    identifier  varchar(50)    not null,
    amount      numeric(12, 2) not null,
    posted_at   timestamptz    not null
);
