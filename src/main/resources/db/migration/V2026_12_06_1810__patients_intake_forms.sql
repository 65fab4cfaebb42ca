-- Intake forms: questions the clinic can extend (English and Spanish), versioned consent and policy documents,
-- expiring links (only the SHA-256 of each secret is stored), and signed forms with their answers as shown.

create table intake_question (
    id         text primary key check (id ~ '^[a-z][a-z0-9_]{1,40}$'),
    position   integer not null,
    section    text not null check (section in ('CONTACT', 'EMERGENCY', 'HEALTH', 'CONTRAINDICATION')),
    kind       text not null check (kind in ('TEXT', 'LONG_TEXT', 'DATE', 'PHONE', 'EMAIL', 'SEX', 'YES_NO')),
    required   boolean not null,
    -- a "yes" (or any written answer) to an alerting question is shown on the staff chart and appointment panel
    alert      boolean not null default false,
    label_en   text not null check (length(label_en) between 1 and 300),
    label_es   text not null check (length(label_es) between 1 and 300),
    active     boolean not null default true
);

insert into intake_question (id, position, section, kind, required, alert, label_en, label_es) values
    ('phone', 10, 'CONTACT', 'PHONE', true, false, 'Mobile phone', 'Teléfono móvil'),
    ('email', 20, 'CONTACT', 'EMAIL', false, false, 'E-mail', 'Correo electrónico'),
    ('address_street', 30, 'CONTACT', 'TEXT', true, false, 'Street address', 'Dirección'),
    ('address_city', 40, 'CONTACT', 'TEXT', true, false, 'City', 'Ciudad'),
    ('address_state', 50, 'CONTACT', 'TEXT', true, false, 'State', 'Estado'),
    ('address_zip', 60, 'CONTACT', 'TEXT', true, false, 'ZIP code', 'Código postal'),
    ('birth_date', 70, 'CONTACT', 'DATE', true, false, 'Date of birth', 'Fecha de nacimiento'),
    ('sex', 80, 'CONTACT', 'SEX', true, false, 'Sex', 'Sexo'),
    ('emergency_name', 90, 'EMERGENCY', 'TEXT', true, false, 'Emergency contact: name',
        'Contacto de emergencia: nombre'),
    ('emergency_phone', 100, 'EMERGENCY', 'PHONE', true, false, 'Emergency contact: phone',
        'Contacto de emergencia: teléfono'),
    ('medications', 110, 'HEALTH', 'LONG_TEXT', false, true, 'Medications you take',
        'Medicamentos que toma'),
    ('allergies', 120, 'HEALTH', 'LONG_TEXT', false, true, 'Allergies (including to oils or latex)',
        'Alergias (también a aceites o látex)'),
    ('pregnancy', 130, 'CONTRAINDICATION', 'YES_NO', true, true, 'Are you pregnant?', '¿Está embarazada?'),
    ('blood_thinners', 140, 'CONTRAINDICATION', 'YES_NO', true, true, 'Do you take blood thinners?',
        '¿Toma anticoagulantes?'),
    ('recent_surgery', 150, 'CONTRAINDICATION', 'YES_NO', true, true,
        'Surgery or injury in the last 6 months?', '¿Cirugía o lesión en los últimos 6 meses?'),
    ('blood_clots', 160, 'CONTRAINDICATION', 'YES_NO', true, true,
        'Have you ever had blood clots (deep vein thrombosis)?', '¿Ha tenido coágulos de sangre (trombosis venosa profunda)?'),
    ('skin_conditions', 170, 'CONTRAINDICATION', 'YES_NO', true, true,
        'A skin condition, rash or open wound?', '¿Alguna afección de la piel, sarpullido o herida abierta?'),
    ('implanted_devices', 180, 'CONTRAINDICATION', 'YES_NO', true, true,
        'An implanted device (pacemaker, pump, implant)?', '¿Algún dispositivo implantado (marcapasos, bomba, implante)?'),
    ('contraindication_details', 190, 'CONTRAINDICATION', 'LONG_TEXT', false, true,
        'If you answered yes, tell us more', 'Si respondió que sí, cuéntenos más');

-- Consent and policies: each version is kept as it was; the form shows the newest one in effect.
create table intake_document (
    kind         text not null check (kind in ('CONSENT', 'PRIVACY', 'POLICIES')),
    version      text not null check (version ~ '^[A-Za-z0-9._-]{1,20}$'),
    effective_on date not null,
    title_en     text not null,
    title_es     text not null,
    body_en      text not null,
    body_es      text not null,
    primary key (kind, version)
);

create function intake_document_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'intake documents are versioned: add a new version instead of changing one';
end $$;
create trigger intake_document_unchanged before update or delete on intake_document
    for each row execute function intake_document_unchanged();

insert into intake_document (kind, version, effective_on, title_en, title_es, body_en, body_es) values
    ('CONSENT', '2026-12', '2026-12-01', 'Consent to treatment', 'Consentimiento para el tratamiento',
     'I ask for trigger point massage therapy. Massage therapists do not diagnose illness or prescribe medicine; the session does not replace care by a physician. I have answered the health questions truthfully and will tell my therapist of any change. I may ask the therapist to change pressure or stop the session at any time.',
     'Solicito terapia de masaje de puntos gatillo. Los masajistas no diagnostican enfermedades ni recetan medicamentos; la sesión no sustituye la atención de un médico. He respondido las preguntas de salud con la verdad y avisaré a mi terapeuta de cualquier cambio. Puedo pedir al terapeuta que cambie la presión o detenga la sesión en cualquier momento.'),
    ('PRIVACY', '2026-12', '2026-12-01', 'Privacy notice', 'Aviso de privacidad',
     'We keep your answers and treatment notes to care for you safely. Only your therapist and the clinic owner read your health answers; every reading is recorded. We never put health information in e-mails or text messages, and we do not sell or share your information except as the law requires or with your written permission.',
     'Guardamos sus respuestas y notas de tratamiento para atenderle con seguridad. Solo su terapeuta y la dueña de la clínica leen sus respuestas de salud; cada lectura queda registrada. Nunca ponemos información de salud en correos ni mensajes de texto, y no vendemos ni compartimos su información salvo lo que exija la ley o con su permiso por escrito.'),
    ('POLICIES', '2026-12', '2026-12-01', 'Clinic policies', 'Políticas de la clínica',
     'Please arrive five minutes early. Cancel or move your appointment at least 24 hours ahead; a late cancellation or a missed appointment may be charged as shown when you booked. Sessions are professional and therapeutic only.',
     'Llegue cinco minutos antes. Cancele o cambie su cita con al menos 24 horas de anticipación; una cancelación tardía o una cita perdida puede cobrarse como se indicó al reservar. Las sesiones son exclusivamente profesionales y terapéuticas.');

-- A link to fill in the form: one patient, expiring, used once; a new link spends the patient's earlier ones.
create table intake_link (
    id             uuid primary key,
    patient_id     uuid not null references patient (id),
    token_hash     text not null unique,
    appointment_id uuid,
    sent_by        text not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz
);
create index intake_link_patient on intake_link (patient_id, created_at desc);

-- A signed form: who typed which name, when, from which address, and the SHA-256 of the canonical JSON of the
-- questions as shown, the answers and the document versions (recomputable from the rows below).
create table intake_signature (
    id          uuid primary key,
    patient_id  uuid not null references patient (id),
    link_id     uuid not null unique references intake_link (id),
    language    text not null check (language in ('en', 'es')),
    signed_name text not null check (length(signed_name) between 2 and 200),
    signed_at   timestamptz not null,
    ip          text not null,
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    pdf         bytea not null
);
create index intake_signature_patient on intake_signature (patient_id, signed_at desc);

create table intake_signed_answer (
    signature_id uuid not null references intake_signature (id),
    position     integer not null,
    question_id  text not null references intake_question (id),
    section      text not null,
    kind         text not null,
    required     boolean not null,
    alert        boolean not null,
    label        text not null,
    answer       text not null,
    primary key (signature_id, question_id)
);

create table intake_signed_document (
    signature_id uuid not null references intake_signature (id),
    kind         text not null,
    version      text not null,
    primary key (signature_id, kind),
    foreign key (kind, version) references intake_document (kind, version)
);

-- Signed forms are records: never changed or deleted (a merge of two patient records may move one to the kept one).
create function intake_signature_unchanged() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (to_jsonb(new) - 'patient_id') = (to_jsonb(old) - 'patient_id') then
        return new;
    end if;
    raise exception 'signed intake forms are never changed or deleted';
end $$;
create trigger intake_signature_unchanged before update or delete on intake_signature
    for each row execute function intake_signature_unchanged();
create trigger intake_signed_answer_unchanged before update or delete on intake_signed_answer
    for each row execute function intake_signature_unchanged();
create trigger intake_signed_document_unchanged before update or delete on intake_signed_document
    for each row execute function intake_signature_unchanged();

-- The outbox accepts the intake link's e-mail: added to whatever kinds the constraint lists now, so this
-- migration keeps the kinds other migrations add.
do $$
declare
    current_check text;
begin
    select pg_get_constraintdef(oid) into current_check
    from pg_constraint where conname = 'booking_outbox_kind_check' and conrelid = 'booking_outbox'::regclass;
    if current_check is not null and position('INTAKE_LINK' in current_check) = 0 then
        execute 'alter table booking_outbox drop constraint booking_outbox_kind_check';
        execute 'alter table booking_outbox add constraint booking_outbox_kind_check check (kind = ''INTAKE_LINK'' or '
            || substring(current_check from 7) || ')';
    end if;
end $$;
