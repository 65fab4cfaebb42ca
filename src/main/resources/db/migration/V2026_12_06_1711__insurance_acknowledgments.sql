-- Acknowledgments (issue 20): the last 999 or 277CA answer about a claim, shown on the claim and in aging. A claim
-- the clearinghouse or payer rejected goes back to draft to be fixed and sent again.
alter table insurance_claim add column acknowledgment varchar(20) not null default ''
    check (acknowledgment in ('', 'ACCEPTED_999', 'REJECTED_999', 'ACCEPTED_277CA', 'REJECTED_277CA'));
alter table insurance_claim add column acknowledgment_codes varchar(120) not null default '';
