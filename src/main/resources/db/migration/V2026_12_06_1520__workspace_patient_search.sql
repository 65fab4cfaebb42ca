-- The staff patient list and header search: name, e-mail, phone fragment and date of birth, accent- and
-- case-insensitive ("Jose" finds "José"), served by trigram indexes so a fragment anywhere in a name or number is
-- found without reading the whole table. Both extensions are trusted (PostgreSQL 13+): a database owner may create
-- them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only stable (its dictionary could change); naming the dictionary makes the result fixed, so it may
-- feed a generated column and an index.
create or replace function relief_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- First name again after the last name, so "garcia ana" matches as well as "ana garcia" in one pattern.
alter table patient add column search_text text generated always as (
    relief_fold(first_name || ' ' || last_name || ' ' || first_name || ' ' || coalesce(email, ''))) stored;
alter table patient add column phone_digits text generated always as (
    regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) stored;

create index patient_search_trgm on patient using gin (search_text gin_trgm_ops)
    where not unverified and merged_into is null;
create index patient_phone_trgm on patient using gin (phone_digits gin_trgm_ops)
    where not unverified and merged_into is null;
create index patient_date_of_birth on patient (date_of_birth) where not unverified and merged_into is null;
create index patient_listed on patient (last_name, first_name) where not unverified and merged_into is null;

-- A duplicate merged by the owner keeps its row (the chart redirects to the kept patient); who merged it and when.
alter table patient add column merged_at timestamptz;
alter table patient add column merged_by text;

alter table clinical_audit drop constraint clinical_audit_action_check;
alter table clinical_audit add constraint clinical_audit_action_check
    check (action in ('READ', 'CREATE', 'AMEND', 'SIGN', 'VOID', 'EXPORT', 'MERGE'));

-- The chart's "messages sent": the e-mails to one patient's address, newest first.
create index booking_outbox_recipient on booking_outbox (lower(recipient), created_at desc);
