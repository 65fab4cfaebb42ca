-- Blog articles (Markdown, one row per language; a translation points at its original) and their tags.
create table blog_article (
    id             uuid         primary key,
    slug           varchar(120) not null,
    language       varchar(5)   not null,
    translation_of uuid         references blog_article (id),
    title          varchar(200) not null,
    summary        varchar(400) not null,
    body_markdown  text         not null,
    cover_image    varchar(300),
    cover_alt      varchar(300),
    author_id      uuid,
    status         varchar(10)  not null check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED')),
    publish_at     timestamptz,
    updated_at     timestamptz  not null,
    regions        varchar(600) not null default '',
    unique (slug)
);

create table blog_article_tag (
    article_id uuid        not null references blog_article (id) on delete cascade,
    tag        varchar(60) not null,
    primary key (article_id, tag)
);

-- Comments are plain text. The email stays here and in the staff pages only. The IP address is kept while
-- moderation needs it and then cleared (see BlogHousekeeping).
create table blog_comment (
    id             uuid         primary key,
    article_id     uuid         not null references blog_article (id),
    parent_id      uuid         references blog_comment (id),
    author_name    varchar(80)  not null,
    author_email   varchar(254) not null,
    author_url     varchar(300),
    body           text         not null,
    status         varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'SPAM', 'TRASH')),
    by_clinic      boolean      not null default false,
    staff_id       uuid,
    ip             varchar(45),
    user_agent     varchar(300),
    filter_verdict varchar(10)  not null,
    filter_reasons varchar(600) not null default '',
    spam_score     double precision,
    created_at     timestamptz  not null,
    status_at      timestamptz  not null
);

create index blog_comment_article on blog_comment (article_id, status, created_at);
create index blog_comment_status on blog_comment (status, created_at);
create index blog_comment_email on blog_comment (lower(author_email));

-- Every moderation decision: who, when, what, and what the filters had said.
create table blog_moderation_log (
    id          bigserial    primary key,
    comment_id  uuid         not null references blog_comment (id) on delete cascade,
    staff_id    uuid,
    action      varchar(20)  not null,
    filter_said varchar(600) not null,
    decided_at  timestamptz  not null
);

-- A reader's request to remove their comments, for staff to act on.
create table blog_removal_request (
    id           uuid         primary key,
    email        varchar(254) not null,
    note         varchar(1000),
    requested_at timestamptz  not null,
    done_at      timestamptz,
    done_by      uuid
);
