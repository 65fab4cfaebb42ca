-- Every booking and every availability search reads the appointments that block a window of time, whoever holds
-- them. The exclusion constraints' GiST indexes lead with the therapist, room or patient, so a search by time alone
-- had to walk nearly all of such an index: at 38,000 appointments that took a millisecond per booking and grew with
-- every appointment ever booked. This index leads with the time range, so the same read touches a few pages.
create index booking_appointment_blocking on booking_appointment
    using gist (tstzrange(starts_at, blocked_until, '[)')) where status <> 'CANCELLED';
