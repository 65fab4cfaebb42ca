-- Interchange control numbers (ISA13/IEA02, also GS06/GE02) for the 837P files the clinic sends: unique per file.
create sequence insurance_interchange_number start 1 maxvalue 999999999 cycle;
