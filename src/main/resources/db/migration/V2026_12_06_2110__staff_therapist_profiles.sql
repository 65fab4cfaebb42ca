-- The owner edits a therapist's public profile at run time: a version number moved on by every edit, so that of two
-- owners editing at once the second is told the profile changed since they looked.
alter table staff_account
    add column profile_version int not null default 0;

-- A therapist's photo as patients see it on the booking page and the therapists page: checked by content (JPEG,
-- PNG or WebP), JPEG and PNG re-encoded without their metadata, at most 2 MB. The tag (SHA-256 of the bytes) is the
-- photo's ETag and the version in its address.
create table staff_photo (
    staff_id     uuid         primary key references staff_account (id),
    content_type varchar(20)  not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes        bytea        not null check (octet_length(bytes) between 1 and 2097152),
    tag          varchar(64)  not null check (tag ~ '^[0-9a-f]{64}$'),
    width        int          not null check (width between 1 and 4000),
    height       int          not null check (height between 1 and 4000),
    updated_at   timestamptz  not null,
    updated_by   varchar(254) not null
);
