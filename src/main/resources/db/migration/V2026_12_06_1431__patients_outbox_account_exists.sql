-- Sign-up with the address of a confirmed account e-mails its owner instead of saying so on the page.
-- Every outbox kind in use is listed again (as of V2026_11_25_2320), plus ACCOUNT_EXISTS.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CHANGE', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT',
                    'WAITLIST_OFFER', 'DOCUMENT', 'RELIEF_OFFER', 'PASSWORD_RESET', 'REQUEST_RECEIVED',
                    'REQUEST_DECLINED', 'REQUEST_LAPSED', 'ACCOUNT_EXISTS'));
