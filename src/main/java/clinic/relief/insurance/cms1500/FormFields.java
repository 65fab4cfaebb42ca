package clinic.relief.insurance.cms1500;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.ClaimLine;
import clinic.relief.insurance.ClaimPacket;
import clinic.relief.insurance.Coverage;
import clinic.relief.insurance.Icd10;
import clinic.relief.insurance.Prescription;
import clinic.relief.insurance.Relationship;
import clinic.relief.insurance.Subscriber;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Sex;
import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The values of one claim's CMS-1500 pages, box by box, written as the NUCC 1500 Claim Form Reference Instruction
 * Manual (02/12) asks. A claim with more than six service lines takes one page per six, each with its own total.
 * What the claim packet does not hold (the payer's address, an onset date for box 14, other
 * insurance for boxes 9 and 11b, a resubmission code for box 22, CPT modifiers) is left blank; a dependant's address
 * is the insured's, as in the 837P.
 */
final class FormFields {

    private static final String MARK = "X";
    private static final String SIGNATURE_ON_FILE = "SIGNATURE ON FILE";
    private static final FormBox[] DIAGNOSES = {
        FormBox.DIAGNOSIS_A, FormBox.DIAGNOSIS_B, FormBox.DIAGNOSIS_C, FormBox.DIAGNOSIS_D,
        FormBox.DIAGNOSIS_E, FormBox.DIAGNOSIS_F, FormBox.DIAGNOSIS_G, FormBox.DIAGNOSIS_H,
        FormBox.DIAGNOSIS_I, FormBox.DIAGNOSIS_J, FormBox.DIAGNOSIS_K, FormBox.DIAGNOSIS_L
    };

    /** One value in one box; {@code service} is the service line (0-5) for box 24, otherwise 0. */
    record Entry(FormBox box, int service, String text) {}

    private final List<Entry> entries = new ArrayList<>();

    private FormFields() {}

    static List<List<Entry>> pages(ClaimPacket p, Cms1500.Details details) {
        List<ClaimLine> lines = p.claim().lines();
        List<List<Entry>> pages = new ArrayList<>();
        for (int first = 0; first < Math.max(1, lines.size()); first += FormBox.SERVICE_LINES) {
            List<ClaimLine> page = lines.subList(first, Math.min(lines.size(), first + FormBox.SERVICE_LINES));
            FormFields fields = new FormFields();
            fields.carrierAndPatient(p);
            fields.insured(p);
            fields.claim(p, details.signedOn());
            fields.services(p, page);
            fields.provider(p, details, page);
            pages.add(List.copyOf(fields.entries));
        }
        return pages;
    }

    private void put(FormBox box, String text) {
        put(box, 0, text);
    }

    /** A value longer than its box is cut at the box's edge rather than printed over the next box or off the sheet. */
    private void put(FormBox box, int service, String text) {
        if (!text.isBlank()) {
            entries.add(new Entry(box, service, text.length() > box.width() ? text.substring(0, box.width()) : text));
        }
    }

    private void carrierAndPatient(ClaimPacket p) {
        Coverage c = p.coverage();
        Patient patient = p.patient();
        put(FormBox.PAYER_NAME, FormText.plain(c.payerName()));
        put("OTHER".equals(c.planType()) ? FormBox.INSURANCE_OTHER : FormBox.INSURANCE_GROUP_HEALTH_PLAN, MARK);
        put(FormBox.INSURED_ID, FormText.plain(c.memberId()));
        put(FormBox.PATIENT_NAME, FormText.lastFirst(orEmpty(patient.lastName()), orEmpty(patient.firstName())));
        LocalDate born = patient.dateOfBirth();
        if (born != null) {
            put(FormBox.PATIENT_BIRTH_MM, FormText.mm(born));
            put(FormBox.PATIENT_BIRTH_DD, FormText.dd(born));
            put(FormBox.PATIENT_BIRTH_YYYY, FormText.yyyy(born));
        }
        // As in the 837P: the insured's card when the patient is the insured (2010BA), else the patient's own (2010CA).
        Sex patientSex = patient.sex();
        if (p.patientIsSubscriber()) {
            sex(c.subscriber().sex(), FormBox.PATIENT_SEX_M, FormBox.PATIENT_SEX_F);
        } else if (patientSex != null) {
            sex(patientSex.code(), FormBox.PATIENT_SEX_M, FormBox.PATIENT_SEX_F);
        }
        // The patient lives at the insured's address as the desk recorded it (the 837P's loop 2010CA says the same).
        Subscriber s = c.subscriber();
        put(FormBox.PATIENT_STREET, FormText.plain(orEmpty(s.street())));
        put(FormBox.PATIENT_CITY, FormText.plain(orEmpty(s.city())));
        put(FormBox.PATIENT_STATE, FormText.plain(orEmpty(s.state())));
        put(FormBox.PATIENT_ZIP, FormText.zip(orEmpty(s.zip())));
        phone(orEmpty(patient.phone()), FormBox.PATIENT_PHONE_AREA, FormBox.PATIENT_PHONE);
        put(relationship(s.relationship()), MARK);
    }

    private void insured(ClaimPacket p) {
        Subscriber s = p.coverage().subscriber();
        put(FormBox.INSURED_NAME, FormText.lastFirst(orEmpty(s.lastName()), orEmpty(s.firstName())));
        put(FormBox.INSURED_STREET, FormText.plain(orEmpty(s.street())));
        put(FormBox.INSURED_CITY, FormText.plain(orEmpty(s.city())));
        put(FormBox.INSURED_STATE, FormText.plain(orEmpty(s.state())));
        put(FormBox.INSURED_ZIP, FormText.zip(orEmpty(s.zip())));
        if (p.patientIsSubscriber()) {
            phone(orEmpty(p.patient().phone()), FormBox.INSURED_PHONE_AREA, FormBox.INSURED_PHONE);
        }
        put(FormBox.INSURED_GROUP, FormText.plain(orEmpty(p.coverage().groupNumber())));
        put(FormBox.INSURED_BIRTH_MM, FormText.mm(s.birthDate()));
        put(FormBox.INSURED_BIRTH_DD, FormText.dd(s.birthDate()));
        put(FormBox.INSURED_BIRTH_YYYY, FormText.yyyy(s.birthDate()));
        sex(orEmpty(s.sex()), FormBox.INSURED_SEX_M, FormBox.INSURED_SEX_F);
        put(FormBox.INSURED_PLAN_NAME, FormText.plain(p.coverage().payerName()));
        put(FormBox.ANOTHER_PLAN_NO, MARK);
    }

    private void claim(ClaimPacket p, LocalDate signedOn) {
        put(FormBox.EMPLOYMENT_NO, MARK);
        put(FormBox.AUTO_ACCIDENT_NO, MARK);
        put(FormBox.OTHER_ACCIDENT_NO, MARK);
        put(FormBox.PATIENT_SIGNATURE, SIGNATURE_ON_FILE);
        put(FormBox.PATIENT_SIGNED_ON, FormText.sixDigits(signedOn));
        put(FormBox.INSURED_SIGNATURE, SIGNATURE_ON_FILE);
        Prescription rx = p.prescription();
        if (rx != null) {
            put(FormBox.REFERRING_QUALIFIER, "DN");
            put(FormBox.REFERRING_NAME, FormText.plain(rx.referringName()));
            put(FormBox.REFERRING_NPI, rx.referringNpi().value());
        }
        List<Icd10> dx = p.claim().diagnoses();
        put(FormBox.ICD_INDICATOR, "0");
        for (int i = 0; i < Math.min(dx.size(), DIAGNOSES.length); i++) {
            // The decimal point is implied on the form.
            put(DIAGNOSES[i], dx.get(i).code().replace(".", ""));
        }
        put(FormBox.PRIOR_AUTHORIZATION, FormText.plain(p.authorizationNumber().orElse("")));
    }

    private void services(ClaimPacket p, List<ClaimLine> lines) {
        LocalDate date = p.claim().facts().serviceDate();
        String rendering = p.separateRenderingNpi().map(npi -> npi.value()).orElse("");
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            put(FormBox.SERVICE_FROM_MM, i, FormText.mm(date));
            put(FormBox.SERVICE_FROM_DD, i, FormText.dd(date));
            put(FormBox.SERVICE_FROM_YY, i, FormText.yy(date));
            put(FormBox.SERVICE_TO_MM, i, FormText.mm(date));
            put(FormBox.SERVICE_TO_DD, i, FormText.dd(date));
            put(FormBox.SERVICE_TO_YY, i, FormText.yy(date));
            put(FormBox.PLACE_OF_SERVICE, i, "11");
            put(FormBox.PROCEDURE, i, line.cpt().code());
            put(FormBox.DIAGNOSIS_POINTER, i, line.pointerLetters());
            put(FormBox.CHARGE_DOLLARS, i, FormText.dollars(line.charge()));
            put(FormBox.CHARGE_CENTS, i, FormText.cents(line.charge()));
            put(FormBox.UNITS, i, String.valueOf(line.units()));
            if (!rendering.isEmpty()) {
                put(FormBox.RENDERING_QUALIFIER, i, "ZZ");
                put(FormBox.RENDERING_OTHER_ID, i, FormText.plain(p.billing().taxonomy()));
                put(FormBox.RENDERING_NPI, i, rendering);
            }
        }
    }

    private void provider(ClaimPacket p, Cms1500.Details details, List<ClaimLine> lines) {
        ClinicProfile.Billing b = p.billing();
        ClinicProfile.Address a = b.address();
        put(FormBox.TAX_ID, b.taxIdDigits());
        put(FormBox.TAX_ID_EIN, MARK);
        put(FormBox.ACCOUNT_NUMBER, p.claim().claimId());
        put(FormBox.ACCEPT_ASSIGNMENT_YES, MARK);
        Money total = lines.stream().map(ClaimLine::charge).reduce(Money.ZERO, Money::plus);
        put(FormBox.TOTAL_CHARGE_DOLLARS, FormText.dollars(total));
        put(FormBox.TOTAL_CHARGE_CENTS, FormText.cents(total));
        // Box 29 is what the patient and other payers paid; the packet records neither, so nothing.
        put(FormBox.AMOUNT_PAID_DOLLARS, "0");
        put(FormBox.AMOUNT_PAID_CENTS, "00");
        String signer = FormText.plain(p.rendering().fullName());
        put(FormBox.PROVIDER_SIGNATURE, signer.isEmpty() ? SIGNATURE_ON_FILE : signer);
        put(FormBox.PROVIDER_SIGNED_ON, FormText.sixDigits(details.signedOn()));
        String cityStateZip = FormText.cityStateZip(a.city(), a.region(), a.postalCode());
        put(FormBox.FACILITY_NAME, Cms1500.providerName(b));
        put(FormBox.FACILITY_STREET, FormText.plain(a.street()));
        // Box 32 is three columns narrower than box 33: a ZIP+4 that does not fit goes as its five digits, never cut.
        put(
                FormBox.FACILITY_CITY_STATE_ZIP,
                cityStateZip.length() <= FormBox.FACILITY_CITY_STATE_ZIP.width()
                        ? cityStateZip
                        : FormText.cityStateZip(a.city(), a.region(), FormText.zip5(a.postalCode())));
        put(FormBox.FACILITY_NPI, b.npi());
        phone(details.billingPhone(), FormBox.BILLING_PHONE_AREA, FormBox.BILLING_PHONE);
        put(FormBox.BILLING_NAME, Cms1500.providerName(b));
        put(FormBox.BILLING_STREET, FormText.plain(a.street()));
        put(FormBox.BILLING_CITY_STATE_ZIP, cityStateZip);
        put(FormBox.BILLING_NPI, b.npi());
        put(FormBox.BILLING_OTHER_ID, "ZZ" + FormText.plain(b.taxonomy()));
    }

    private void phone(String phone, FormBox area, FormBox number) {
        String digits = FormText.tenDigitPhone(phone);
        if (!digits.isEmpty()) {
            put(area, digits.substring(0, 3));
            put(number, digits.substring(3));
        }
    }

    private void sex(String sex, FormBox male, FormBox female) {
        switch (sex) {
            case "M" -> put(male, MARK);
            case "F" -> put(female, MARK);
            default -> {}
        }
    }

    private static FormBox relationship(Relationship relationship) {
        return switch (relationship) {
            case SELF -> FormBox.RELATIONSHIP_SELF;
            case SPOUSE -> FormBox.RELATIONSHIP_SPOUSE;
            case CHILD -> FormBox.RELATIONSHIP_CHILD;
            case OTHER -> FormBox.RELATIONSHIP_OTHER;
        };
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
