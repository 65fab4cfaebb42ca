-- Membership autopay: a month charged to the card on file grants its credits only once its invoice is paid
-- (credits HELD until then), and a membership whose last retry failed is paused (no credits, no new months) until
-- that invoice is paid.
alter table billing_membership_charge
    add column credits varchar(8) not null default 'GRANTED' check (credits in ('GRANTED', 'HELD', 'NONE'));
create index billing_membership_charge_invoice on billing_membership_charge (invoice_id);

alter table billing_membership add column paused_since timestamptz;
