-- Outbox rows may carry one attachment (a receipt or an invoice PDF from billing) and need not belong to an
-- appointment. The subject and body rules stay: nothing medical.
alter table booking_outbox alter column appointment_id drop not null;
alter table booking_outbox drop constraint booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT', 'WAITLIST_OFFER',
                    'DOCUMENT'));
alter table booking_outbox
    add column attachment_name varchar(100),
    add column attachment_type varchar(100),
    add column attachment      bytea,
    add constraint booking_outbox_attachment_whole
        check ((attachment is null) = (attachment_name is null) and (attachment is null) = (attachment_type is null));
