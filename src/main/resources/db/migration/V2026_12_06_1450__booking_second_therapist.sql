-- Couples massage: one appointment, two therapists, one room. The second therapist is a column of the appointment,
-- so a couples booking is one row that holds both or neither.
--
-- An exclusion constraint compares one column with the same column of other rows, so booking_therapist_free cannot
-- see a therapist booked first as the second therapist of one appointment and then as the therapist of another.
-- Every therapist's time therefore also lives in booking_therapist_time, one row per therapist an appointment holds
-- (one, or two for couples), kept by a trigger whatever writes the appointment (a booking, a move, a cancellation,
-- an expired hold, a purge), and one exclusion constraint there refuses any overlap of a therapist's held spans,
-- whichever role they have in either appointment. booking_therapist_free stays: it checks the same for the first
-- therapist and is the name existing code and tests know.
alter table booking_appointment add column second_therapist_id uuid;
alter table booking_appointment add constraint booking_second_therapist_differs
    check (second_therapist_id <> therapist_id);

create table booking_therapist_time (
    appointment_id uuid      not null references booking_appointment (id) on delete cascade,
    therapist_id   uuid      not null,
    held           tstzrange not null,
    primary key (appointment_id, therapist_id),
    constraint booking_therapist_time_free exclude using gist (therapist_id with =, held with &&)
);

create function booking_therapist_time_sync() returns trigger language plpgsql as $$
begin
    delete from booking_therapist_time where appointment_id = new.id;
    if new.status <> 'CANCELLED' then
        insert into booking_therapist_time (appointment_id, therapist_id, held)
        values (new.id, new.therapist_id, tstzrange(new.starts_at, new.blocked_until, '[)'));
        if new.second_therapist_id is not null then
            insert into booking_therapist_time (appointment_id, therapist_id, held)
            values (new.id, new.second_therapist_id, tstzrange(new.starts_at, new.blocked_until, '[)'));
        end if;
    end if;
    return null;
end;
$$;

create trigger booking_therapist_time_inserted after insert on booking_appointment
    for each row execute function booking_therapist_time_sync();
-- Only a change of who, when, or whether it is cancelled moves held time: a check-in or a fee does not.
create trigger booking_therapist_time_updated after update on booking_appointment
    for each row
    when (old.therapist_id is distinct from new.therapist_id
          or old.second_therapist_id is distinct from new.second_therapist_id
          or old.starts_at is distinct from new.starts_at
          or old.blocked_until is distinct from new.blocked_until
          or (old.status = 'CANCELLED') is distinct from (new.status = 'CANCELLED'))
    execute function booking_therapist_time_sync();

insert into booking_therapist_time (appointment_id, therapist_id, held)
select id, therapist_id, tstzrange(starts_at, blocked_until, '[)') from booking_appointment
where status <> 'CANCELLED';
