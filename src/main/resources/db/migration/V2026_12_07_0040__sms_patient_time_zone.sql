-- Quiet hours in the patient's time zone: the zone the patient's browser reported when they asked for texts on the
-- online booking form (an IANA name such as America/New_York), kept with that text consent; none when the consent
-- came from the desk or a text reply. The online hold keeps it until the e-mailed link confirms the booking.
alter table sms_consent add column time_zone text check (time_zone is null or length(time_zone) between 1 and 64);
alter table booking_online_hold add column texts_zone text check (texts_zone is null or length(texts_zone) between 1 and 64);
