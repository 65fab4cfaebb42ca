-- Pain before and after a visit is part of the signed record: once the latest version of the visit's note is signed,
-- its pain scores never change (nor appear, nor go). An amendment (a new draft version) opens them again until it is
-- signed. The application refuses such a change first with a message; this trigger holds for every other path.
create or replace function outcomes_pain_final_when_signed() returns trigger language plpgsql as $$
declare
    visit uuid := case when tg_op = 'DELETE' then old.appointment_id else new.appointment_id end;
begin
    if coalesce((select n.signed_at is not null from outcomes_note n where n.appointment_id = visit
                 order by n.version desc limit 1), false) then
        raise exception 'the pain scores of visit % are final: its note is signed (amend the note first)', visit;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger outcomes_pain_final before insert or update or delete on outcomes_pain
    for each row execute function outcomes_pain_final_when_signed();
