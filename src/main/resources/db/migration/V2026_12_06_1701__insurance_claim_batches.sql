-- Each "submit all ready claims": the 837P written (null when every ready claim was held back) and the claims held
-- back with what each lacks, so the desk reads the list and downloads the file (each download audited per claim sent).
create table insurance_claim_batch (
    id          uuid        primary key,
    interchange bigint,
    created_at  timestamptz not null,
    sent        uuid[]      not null,
    file        text
);

create table insurance_claim_batch_held (
    batch_id uuid          not null references insurance_claim_batch (id),
    claim_id uuid          not null references insurance_claim (id),
    gaps     varchar(40)[] not null,
    primary key (batch_id, claim_id)
);
