-- Calendar feed tokens are stored like every other token: only their SHA-256 (hex), never the token itself. The
-- addresses already in therapists' calendar apps keep working, as the token they carry hashes to the stored value.
alter table booking_calendar_feed rename column token to token_hash;
update booking_calendar_feed set token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex');
