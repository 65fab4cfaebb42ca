-- The front desk may release an unconfirmed online hold before it runs out (a caller wants that time, or the hold
-- is plainly a mistake). A released hold is expired like one that ran out (its link then says so) and remembers who
-- released it.
alter table booking_online_hold add column released_by varchar(254);
