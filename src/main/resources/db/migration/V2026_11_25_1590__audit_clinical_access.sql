-- Who opened or changed which clinical record, and when. Rows are only ever added.
create table clinical_audit (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null,
    actor_role  text        not null,
    action      text        not null check (action in ('READ', 'CREATE', 'AMEND', 'SIGN', 'VOID', 'EXPORT')),
    record_kind text        not null,
    record_id   text        not null,
    patient_id  uuid
);

create index clinical_audit_patient on clinical_audit (patient_id, at desc);
create index clinical_audit_record on clinical_audit (record_kind, record_id, at desc);

create or replace function clinical_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'clinical_audit rows are never changed or deleted';
end;
$$;

create trigger clinical_audit_append_only before update or delete on clinical_audit
    for each row execute function clinical_audit_is_append_only();
