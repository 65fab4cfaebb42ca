-- The password reset e-mail goes through the outbox too. Every kind in use is listed again.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CHANGE', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT',
                    'WAITLIST_OFFER', 'DOCUMENT', 'RELIEF_OFFER', 'PASSWORD_RESET'));
