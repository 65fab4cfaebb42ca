-- The fee policy the owner edits at /staff/settings/clinic: per service, how long before the start a cancellation
-- becomes late and what share of the session price a late cancellation and a no-show owe. Copied from
-- relief.booking.services (and its defaults) at the first start; a service without a row follows the configuration.
-- One version for the whole policy: a save names the version it was made from, so of two saves one applies.
create table booking_fee_policy (
    service_id          text    primary key,
    cancel_window_hours integer not null check (cancel_window_hours between 0 and 336),
    late_cancel_percent integer not null check (late_cancel_percent between 0 and 100),
    no_show_percent     integer not null check (no_show_percent between 0 and 100)
);

create table booking_fee_policy_version (
    id         boolean     primary key default true check (id),
    version    integer     not null default 0,
    changed_at timestamptz not null,
    changed_by text        not null
);

-- Who changed the policy, when, and what it was before and after (written once).
create table booking_fee_policy_change (
    id     bigint      generated always as identity primary key,
    at     timestamptz not null,
    actor  text        not null,
    before jsonb       not null,
    after  jsonb       not null
);
