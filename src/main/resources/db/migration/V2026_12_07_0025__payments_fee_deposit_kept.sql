-- A fee of a visit whose online deposit was kept toward it: the part the deposit covers is noted, only the rest is
-- charged to the card on file. A fee the deposit covers whole is COVERED (nothing to charge; waiving it refunds
-- the deposit), so the desk still sees it and may waive it.
alter table payments_fee add column deposit_kept numeric(12, 2) not null default 0 check (deposit_kept >= 0);
alter table payments_fee drop constraint payments_fee_amount_check;
alter table payments_fee add constraint payments_fee_amount_check check (amount > 0 or (amount = 0 and deposit_kept > 0));
alter table payments_fee drop constraint payments_fee_state_check;
alter table payments_fee add constraint payments_fee_state_check
    check (state in ('PENDING', 'CHARGING', 'PAID', 'WAIVED', 'DECLINED', 'NEEDS_AUTHENTICATION', 'NO_CARD', 'COVERED'));
