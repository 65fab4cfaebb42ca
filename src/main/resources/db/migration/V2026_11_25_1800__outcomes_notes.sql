-- Treatment notes. A visit is a completed appointment as the outcomes module sees it (ids only: booking keeps the
-- appointment). Its note is a chain of versions: version 1 is drafted when the appointment completes; once signed a
-- version never changes (the trigger below refuses it), and an amendment is the next version. Notes are voided with
-- a reason in outcomes_note_void, never deleted.
create table outcomes_visit (
    appointment_id   uuid        primary key,
    patient_id       uuid        not null,
    therapist_id     uuid        not null,
    service_id       varchar(60) not null,
    minutes          int         not null,
    started_at       timestamptz not null,
    assessment_id    uuid,
    visit_number     int         not null check (visit_number > 0),
    -- The client's link for this visit (scores, then progress). Kept so the therapist can show it again on a tablet;
    -- 256 random bits, so it cannot be guessed, and it expires.
    link_token       varchar(64) not null unique,
    link_expires_at  timestamptz not null,
    completed_at     timestamptz not null
);
create index outcomes_visit_patient on outcomes_visit (patient_id, started_at);
create index outcomes_visit_therapist on outcomes_visit (therapist_id, started_at);

create table outcomes_note (
    id              uuid        primary key,
    appointment_id  uuid        not null references outcomes_visit (appointment_id),
    version         int         not null check (version > 0),
    amends          uuid        references outcomes_note (id),
    subjective      text        not null default '',
    pain_regions    text[]      not null default '{}',
    treated_regions text[]      not null default '{}',
    assessment      text        not null default '',
    plan_frequency  text        not null default '',
    plan_home_care  text        not null default '',
    discharge       boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    signed_at       timestamptz,
    signed_by       text,
    unique (appointment_id, version),
    check ((signed_at is null) = (signed_by is null))
);

create table outcomes_trigger_point (
    note_id    uuid        not null references outcomes_note (id),
    position   int         not null,
    muscle_id  varchar(60) not null,
    side       varchar(4)  not null check (side in ('L', 'R', 'BOTH')),
    active     boolean     not null,
    tenderness smallint    not null check (tenderness between 0 and 3),
    referral_reproduced boolean not null,
    primary key (note_id, position)
);
create index outcomes_trigger_point_muscle on outcomes_trigger_point (muscle_id);

create table outcomes_note_void (
    appointment_id uuid        primary key references outcomes_visit (appointment_id),
    reason         text        not null check (length(trim(reason)) > 0),
    voided_by      text        not null,
    voided_at      timestamptz not null
);

create or replace function outcomes_signed_note_is_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'treatment notes are never deleted: void them with a reason';
    end if;
    if old.signed_at is not null then
        raise exception 'treatment note % is signed and never changes: amend it', old.id;
    end if;
    return new;
end;
$$;
create trigger outcomes_note_final before update or delete on outcomes_note
    for each row execute function outcomes_signed_note_is_final();

create or replace function outcomes_signed_findings_are_final() returns trigger language plpgsql as $$
declare
    note uuid := case when tg_op = 'INSERT' then new.note_id else old.note_id end;
begin
    if exists (select 1 from outcomes_note where id = note and signed_at is not null) then
        raise exception 'the findings of signed treatment note % never change', note;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger outcomes_trigger_point_final before insert or update or delete on outcomes_trigger_point
    for each row execute function outcomes_signed_findings_are_final();

create or replace function outcomes_void_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'a void is never changed or removed';
end;
$$;
create trigger outcomes_note_void_final before update or delete on outcomes_note_void
    for each row execute function outcomes_void_is_final();
