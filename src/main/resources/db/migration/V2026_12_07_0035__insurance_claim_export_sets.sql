-- Which claims went out in which 837P transaction set (issue 20): each export's interchange (ISA13), functional
-- group (GS06) and transaction set (ST02) control numbers with the claims of the set, so that a 999 naming a group
-- (AK1) and set (AK2) moves every claim that set carried. A batch's export names its batch; one claim's download
-- (sent by hand) does not.
create table insurance_claim_export_set (
    interchange   bigint      not null,
    group_control bigint      not null,
    set_control   varchar(9)  not null,
    claim_id      uuid        not null references insurance_claim (id),
    batch_id      uuid        references insurance_claim_batch (id),
    exported_at   timestamptz not null,
    primary key (group_control, set_control, claim_id)
);

create index insurance_claim_export_set_claim on insurance_claim_export_set (claim_id);
