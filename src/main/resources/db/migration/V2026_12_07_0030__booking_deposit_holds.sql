-- A visitor who is not signed in may hold a time that asks for a deposit: the hold belongs to an unverified
-- placeholder like an e-mail-confirmed one, but it is confirmed by Stripe's word that the deposit was paid (no link is
-- e-mailed; its token_hash is of a token never sent) and ended by the payments module, not by expires_at. Its
-- expired_at is set when the payments module releases it, so the placeholder purge covers abandoned deposit holds too.
alter table booking_online_hold add column paid_by_deposit boolean not null default false;
