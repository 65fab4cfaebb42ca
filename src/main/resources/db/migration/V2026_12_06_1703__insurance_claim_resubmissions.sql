-- A claim sent again after the payer adjudicated it: corrected (CLM05-3 = 7, replacing the claim) or void (8,
-- cancelling it), with the payer's claim control number (REF*F8) from its 835. One row per claim: the latest.
create table insurance_claim_resubmission (
    claim_id           uuid         primary key references insurance_claim (id),
    frequency          varchar(1)   not null check (frequency in ('7', '8')),
    payer_claim_number varchar(50)  not null check (payer_claim_number ~ '^[A-Za-z0-9-]{1,50}$'),
    requested_at       timestamptz  not null,
    requested_by       varchar(254) not null
);
