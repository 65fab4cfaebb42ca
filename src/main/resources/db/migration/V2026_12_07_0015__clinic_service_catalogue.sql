-- The services menu, editable by the owner. The clinic profile's services are copied in at the first start (only
-- while the table is empty), so the profile file stays the source for a new installation. A service is retired,
-- never deleted: appointments, invoices and claims refer to it by id.
create table clinic_service (
    id         text        primary key check (id ~ '^[a-z][a-z0-9-]{1,39}$'),
    position   integer     not null,
    focus      boolean     not null,
    name_en    text        not null check (length(name_en) between 1 and 120),
    name_es    text        not null check (length(name_es) between 1 and 120),
    summary_en text        not null check (length(summary_en) <= 500),
    summary_es text        not null check (length(summary_es) <= 500),
    retired    boolean     not null default false,
    version    integer     not null default 0,
    changed_at timestamptz not null,
    changed_by text        not null
);

-- Each price holds from valid_from until valid_until (open: the price today). A change closes the old row and adds a
-- new one, so an appointment booked earlier is still priced as it was booked.
create table clinic_service_price (
    service_id  text          not null references clinic_service (id),
    minutes     integer       not null check (minutes between 10 and 480 and minutes % 5 = 0),
    price       numeric(9, 2) not null check (price >= 0 and price <= 100000),
    valid_from  timestamptz   not null,
    valid_until timestamptz   check (valid_until >= valid_from)
);

create unique index clinic_service_price_today on clinic_service_price (service_id, minutes) where valid_until is null;
create index clinic_service_price_history on clinic_service_price (service_id, minutes, valid_from);

-- Who changed what in the menu, and what it was before and after (written once).
create table clinic_service_change (
    id         bigint      generated always as identity primary key,
    service_id text        not null references clinic_service (id),
    at         timestamptz not null,
    actor      text        not null,
    action     text        not null check (action in ('ADD', 'EDIT', 'RETIRE', 'RESTORE')),
    before     jsonb,
    after      jsonb       not null
);

create index clinic_service_change_by_service on clinic_service_change (service_id, at);
