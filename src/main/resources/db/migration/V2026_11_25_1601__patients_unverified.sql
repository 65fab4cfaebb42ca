-- Placeholder patients of online bookings whose e-mail is not confirmed yet. They hold what the visitor typed
-- (and their intake) apart from every existing record; front desk search and find-or-create never match them.
-- On confirmation the placeholder either becomes a patient (the confirmed e-mail set) or, when a patient with that
-- e-mail exists, its intake moves there and merged_into points to it.
alter table patient add column unverified  boolean not null default false;
alter table patient add column merged_into uuid references patient (id);
