-- A fee is charged under the invoice's lock, like the desk's checkout: when the invoice was paid some other way
-- first (at the desk), the fee is SETTLED and nothing is charged to the card.
alter table payments_fee drop constraint payments_fee_state_check;
alter table payments_fee add constraint payments_fee_state_check
    check (state in ('PENDING', 'CHARGING', 'PAID', 'WAIVED', 'DECLINED', 'NEEDS_AUTHENTICATION', 'AUTHENTICATING',
                     'NO_CARD', 'COVERED', 'SETTLED'));
