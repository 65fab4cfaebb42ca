-- Spring Modulith's event publication registry (its v2 layout, spring-modulith-events-jdbc 2.0): every event an
-- asynchronous listener must see is stored in the transaction that publishes it, one row per listener, and the row
-- is deleted once that listener has finished. A row that stays is a listener that failed or was cut off by a stop;
-- it is handed out again when the application restarts.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
