-- The patient's sex as claims report it (X12 DMG03, CMS-1500 box 3): F, M or U (unknown); null until the desk asks.
alter table patient add column sex varchar(1) check (sex in ('F', 'M', 'U'));
