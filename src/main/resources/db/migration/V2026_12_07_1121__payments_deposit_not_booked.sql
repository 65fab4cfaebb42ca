-- A deposit paid for a time that could not be kept (the patient already had an appointment then, or the time was
-- taken meanwhile) books nothing and is refunded whole: NOT_BOOKED. The language of the payment page is kept, so
-- the patient is told in theirs even after a visitor's placeholder is forgotten.
alter table payments_deposit drop constraint payments_deposit_state_check;
alter table payments_deposit add constraint payments_deposit_state_check
    check (state in ('OPEN', 'PAID', 'EXPIRED', 'LATE_REFUNDED', 'KEPT', 'REFUNDED', 'NOT_BOOKED'));
alter table payments_deposit add column language text;
create index payments_deposit_not_kept on payments_deposit (changed_at) where state in ('LATE_REFUNDED', 'NOT_BOOKED');

-- The e-mail telling the patient is one more outbox kind, added to whatever the check allows at this point (as the
-- dues e-mails' migration does), so that migrations adding kinds side by side keep each other's.
do $$
declare
    current_check text;
begin
    select pg_get_constraintdef(oid) into current_check
    from pg_constraint where conname = 'booking_outbox_kind_check' and conrelid = 'booking_outbox'::regclass;
    if current_check is not null and position('PAYMENTS_DEPOSIT' in current_check) = 0 then
        execute 'alter table booking_outbox drop constraint booking_outbox_kind_check';
        execute 'alter table booking_outbox add constraint booking_outbox_kind_check check (kind = ''PAYMENTS_DEPOSIT'' or '
            || substring(current_check from 7) || ')';
    end if;
end $$;
