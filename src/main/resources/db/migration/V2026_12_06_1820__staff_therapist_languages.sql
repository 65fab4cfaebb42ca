-- What patients choosing a therapist online see: the languages a therapist works in (two-letter codes, comma
-- separated) and their specialties in English and Spanish.
alter table staff_account
    add column languages text not null default 'en' check (languages ~ '^[a-z]{2}(,[a-z]{2})*$'),
    add column specialties_en text,
    add column specialties_es text;
