-- One confirmation: a text reply "C" and the manage link both record the patient's confirmation on the appointment
-- (patient_confirmed_at, cleared when the time moves), with how it came. The text replies' own table goes; what it
-- held for appointments still booked is carried over (a confirmation already on the appointment wins).
alter table booking_appointment add column patient_confirmed_via text;

update booking_appointment a
set patient_confirmed_at = c.confirmed_at, patient_confirmed_via = 'TEXT'
from booking_appointment_confirmation c
where c.appointment_id = a.id and a.status = 'BOOKED' and a.patient_confirmed_at is null;

update booking_appointment set patient_confirmed_via = 'MANAGE_LINK'
where patient_confirmed_at is not null and patient_confirmed_via is null;

drop table booking_appointment_confirmation;
