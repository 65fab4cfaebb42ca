-- Saved pain finder assessments. No personal data: no name, contact, account or address, only the marked regions,
-- the answers, the result and the versions that produced it, so booking and therapists can open one by its id.
create table painmap_assessment (
    id                     uuid         primary key,
    created_at             timestamptz  not null,
    engine_version         varchar(40)  not null,
    knowledge_base_version varchar(40)  not null,
    query                  jsonb        not null,
    result                 jsonb        not null
);

create index painmap_assessment_created_at on painmap_assessment (created_at);
