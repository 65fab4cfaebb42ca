-- Each booking counts its appointment's earlier revision letters and each reschedule or cancellation voids its
-- reminder, both by appointment. Without an index each of those read the whole outbox, which only ever grows: at
-- 7,000 appointments that was most of a booking's database time.
create index booking_outbox_appointment on booking_outbox (appointment_id);
