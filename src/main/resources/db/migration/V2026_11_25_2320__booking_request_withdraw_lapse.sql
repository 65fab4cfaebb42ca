-- A request can also end without the front desk: the patient withdraws it, or it lapses undecided once its start
-- is nearer than the minimum notice. Both are recorded beside approvals and declines (WITHDRAWN needs 9 letters).
alter table booking_request_decision alter column decision type varchar(10);
alter table booking_request_decision drop constraint if exists booking_request_decision_decision_check;
alter table booking_request_decision add constraint booking_request_decision_decision_check
    check (decision in ('APPROVED', 'DECLINED', 'WITHDRAWN', 'LAPSED'));

-- Every outbox kind in use is listed again (as of V2026_11_25_2300), plus the lapsed request's letter.
alter table booking_outbox drop constraint if exists booking_outbox_kind_check;
alter table booking_outbox add constraint booking_outbox_kind_check
    check (kind in ('CONFIRMATION', 'REMINDER', 'CHANGE', 'CANCELLATION', 'VERIFY_BOOKING', 'VERIFY_ACCOUNT',
                    'WAITLIST_OFFER', 'DOCUMENT', 'RELIEF_OFFER', 'PASSWORD_RESET', 'REQUEST_RECEIVED',
                    'REQUEST_DECLINED', 'REQUEST_LAPSED'));
