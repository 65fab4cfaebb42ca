-- A visit's client link is stored like every other token: only its SHA-256 (hex), never the token itself, so a copy
-- of the database opens no client's scores. Links already handed out keep working, as the token they carry hashes
-- to the stored value. The note page issues a fresh link when the therapist opens it (the stored one cannot be shown).
alter table outcomes_visit rename column link_token to link_token_hash;
update outcomes_visit set link_token_hash = encode(sha256(convert_to(link_token_hash, 'UTF8')), 'hex');
