-- What a booking check needs besides appointments (who gives which service, weekly hours and breaks, time off, the
-- rooms in use, which therapists are listed) changes a few times a month but was read five times per booking. Each app
-- instance now keeps it in memory and checks this one number instead: every change to those tables, by the app or by
-- hand, moves it on, so no instance goes on using a schedule that has changed.
create table booking_schedule_version (
    one     boolean primary key default true check (one),
    version bigint  not null
);

insert into booking_schedule_version (version) values (1);

create function booking_schedule_changed() returns trigger language plpgsql as $$
begin
    update booking_schedule_version set version = version + 1;
    return null;
end;
$$;

create trigger booking_therapist_hours_changed after insert or update or delete or truncate
    on booking_therapist_hours for each statement execute function booking_schedule_changed();
create trigger booking_therapist_break_changed after insert or update or delete or truncate
    on booking_therapist_break for each statement execute function booking_schedule_changed();
create trigger booking_therapist_service_changed after insert or update or delete or truncate
    on booking_therapist_service for each statement execute function booking_schedule_changed();
create trigger booking_time_off_changed after insert or update or delete or truncate
    on booking_time_off for each statement execute function booking_schedule_changed();
create trigger booking_room_changed after insert or update or delete or truncate
    on booking_room for each statement execute function booking_schedule_changed();
-- Only the staff columns that decide who can be booked: sign-ins and password changes do not count.
create trigger booking_staff_changed after insert or delete or truncate
    on staff_account for each statement execute function booking_schedule_changed();
create trigger booking_staff_listing_changed after update of role, listed, active, display_name
    on staff_account for each statement execute function booking_schedule_changed();
