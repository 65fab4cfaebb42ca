-- A claimed offer names the appointment its link booked or requested, so that when such a request ends without a
-- visit (declined, withdrawn, lapsed) its waitlist entry can wait again. Earlier claims are found by the
-- idempotency key every claim books with: 'waitlist-' and the offer's id.
alter table booking_waitlist_offer add column appointment_id uuid references booking_appointment (id);
update booking_waitlist_offer o set appointment_id = i.appointment_id
from booking_idempotency i
where o.status = 'CLAIMED' and i.key = 'waitlist-' || o.id::text;
create index booking_waitlist_offer_appointment on booking_waitlist_offer (appointment_id)
    where appointment_id is not null;
