-- The one rule for "what is owed now": an invoice is due at a moment unless it belongs to a visit still to come (booked,
-- held or requested, and not started by then). A visit is paid at the desk, so its invoice counts from the visit's
-- start, or as soon as it is checked in, cancelled with a fee or missed; an invoice of no visit is due at once.
-- The chart's balance, the owner's "who owes" report and the patient list's "owes money" filter all read their
-- invoices through this function. It is a single stable SELECT, so the planner inlines it into each query (the
-- patient_id and appointment indexes still serve).
create function billing_invoice_due(due_at timestamptz) returns setof billing_invoice
    language sql stable
    as $$
        select i.* from billing_invoice i
        where not exists (select 1 from booking_appointment a
                          where a.id = i.appointment_id
                            and a.status in ('PENDING', 'REQUESTED', 'BOOKED')
                            and a.starts_at > due_at)
    $$;
