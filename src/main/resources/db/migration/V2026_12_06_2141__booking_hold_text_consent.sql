-- The online booking form's "text me reminders" box: the number (E.164) the visitor agreed to texts at, kept with the
-- hold and recorded as the patient's consent when the e-mailed link confirms the booking (null: no texts asked for).
alter table booking_online_hold add column texts_phone text;
