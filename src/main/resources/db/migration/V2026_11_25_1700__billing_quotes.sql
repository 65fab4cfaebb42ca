-- The quote of each booked appointment, line by line. Each line keeps its message code and tagged arguments
-- (t: text, m: money, n: number) so it reads in either language later.
create table billing_quote (
    appointment_id uuid          primary key,
    patient_id     uuid          not null,
    service_id     varchar(60)   not null,
    minutes        int           not null check (minutes > 0),
    total          numeric(12,2) not null check (total >= 0),
    uses_credit    boolean       not null,
    created_at     timestamptz   not null
);
create table billing_quote_line (
    appointment_id uuid          not null references billing_quote (appointment_id),
    position       int           not null,
    kind           varchar(30)   not null,
    amount         numeric(12,2) not null,
    code           varchar(100)  not null,
    args           text[]        not null default '{}',
    primary key (appointment_id, position)
);
