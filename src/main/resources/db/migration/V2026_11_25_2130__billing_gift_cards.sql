-- Gift cards sold at the desk. A card has no balance column: its balance is the sum of its ledger rows, an ISSUE
-- when sold and a REDEEM (negative) for each payment it makes.
create table billing_gift_card (
    id          uuid         primary key,
    code        varchar(20)  not null unique,
    sold_method varchar(14)  not null check (sold_method in ('CARD_TERMINAL', 'CASH', 'CHECK')),
    sold_by     varchar(254) not null,
    sold_at     timestamptz  not null
);

create table billing_gift_card_entry (
    id         uuid          primary key,
    card_id    uuid          not null references billing_gift_card (id),
    kind       varchar(8)    not null check (kind in ('ISSUE', 'REDEEM')),
    amount     numeric(12,2) not null,
    payment_id uuid          unique references billing_payment (id),
    at         timestamptz   not null,
    check ((kind = 'ISSUE') = (amount > 0)),
    check ((kind = 'REDEEM') = (amount < 0)),
    check ((kind = 'REDEEM') = (payment_id is not null))
);
create index billing_gift_card_entry_card on billing_gift_card_entry (card_id);
create unique index billing_gift_card_issued_once on billing_gift_card_entry (card_id) where kind = 'ISSUE';

-- A gift card is one more way to pay an invoice.
alter table billing_payment drop constraint billing_payment_method_check;
alter table billing_payment add constraint billing_payment_method_check
    check (method in ('CARD_TERMINAL', 'CASH', 'CHECK', 'HSA_FSA', 'GIFT_CARD'));
