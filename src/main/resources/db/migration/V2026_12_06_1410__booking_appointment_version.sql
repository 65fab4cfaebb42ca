-- Every stored change to an appointment moves its version on by one. A change made from what a page or an API client
-- saw (its version) applies only while nobody else has changed the appointment, so of two changes at once exactly one
-- wins; every change also takes the row's lock first (booking.store.Appointments#lock).
alter table booking_appointment add column version integer not null default 0;
