-- Each intake is a version of the patient's health history: who gave it (the patient's account e-mail, or
-- 'online-booking' for a booking confirmed by e-mailed link). Earlier rows were all given by the patient online.
alter table patient_intake add column given_by varchar(254) not null default 'online-booking';
