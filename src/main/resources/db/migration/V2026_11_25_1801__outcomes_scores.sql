-- Pain (NPRS 0-10) before and after each visit, and questionnaire answers with the score their published rule gives
-- (see clinic.relief.outcomes.Instrument). Answers are a JSON array in item order, null for a missed item.
create table outcomes_pain (
    appointment_id uuid        primary key references outcomes_visit (appointment_id),
    before         smallint    check (before between 0 and 10),
    after          smallint    check (after between 0 and 10),
    before_by      text,
    after_by       text,
    updated_at     timestamptz not null
);

create table outcomes_response (
    id             uuid         primary key,
    appointment_id uuid         not null references outcomes_visit (appointment_id),
    patient_id     uuid         not null,
    instrument     varchar(8)   not null check (instrument in ('PEG', 'PSFS', 'ODI', 'NDI')),
    answers        jsonb        not null,
    activities     jsonb,
    score          numeric(6, 2) not null,
    answered       int          not null,
    missing        int          not null,
    taken_at       timestamptz  not null,
    entered_by     text         not null,
    unique (appointment_id, instrument)
);
create index outcomes_response_patient on outcomes_response (patient_id, instrument, taken_at);
