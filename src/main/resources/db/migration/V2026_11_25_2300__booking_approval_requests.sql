-- Request-and-approve for new clients (relief.booking.new-clients: approve). A confirmed online booking by a
-- new client becomes REQUESTED: it holds the therapist and the room like any other status but CANCELLED, is no
-- longer an open online hold (so the expiry sweep leaves it alone), and waits for the front desk.
alter table booking_appointment drop constraint if exists booking_appointment_status_check;
alter table booking_appointment add constraint booking_appointment_status_check
    check (status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED'));
create index booking_appointment_requested on booking_appointment (starts_at) where status = 'REQUESTED';

-- Who decided a request, when, and why it was declined (the reason goes to the patient, so staff write it).
create table booking_request_decision (
    appointment_id uuid         primary key references booking_appointment (id),
    decision       varchar(8)   not null check (decision in ('APPROVED', 'DECLINED')),
    reason         varchar(500),
    decided_by     varchar(254) not null,
    decided_at     timestamptz  not null
);

-- Every outbox kind in use is listed again, PASSWORD_RESET included, so this holds whichever migration ran first.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CHANGE', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT',
                    'WAITLIST_OFFER', 'DOCUMENT', 'RELIEF_OFFER', 'PASSWORD_RESET', 'REQUEST_RECEIVED',
                    'REQUEST_DECLINED'));
