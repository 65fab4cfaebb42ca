package clinic.relief.insurance.cms1500;

/**
 * Where each value goes on the CMS-1500 (02/12): its print line (1-66, six to the inch from the top of the form) and
 * column (1-85, ten to the inch from the left), and how many columns the form leaves for it. The positions follow
 * the form's own layout as printers of the red form use it (box 1a at line 8 column 50, the first service line at
 * line 44, box 33a at line 61 column 50). A service line's boxes (24A-24J) are given for the first of the six lines;
 * line {@code n} (0-5) is {@code 2n} print lines lower, its shaded half one line above.
 */
enum FormBox {
    PAYER_NAME(1, 43, 36),

    INSURANCE_MEDICARE(8, 1, 1),
    INSURANCE_MEDICAID(8, 8, 1),
    INSURANCE_TRICARE(8, 15, 1),
    INSURANCE_CHAMPVA(8, 24, 1),
    INSURANCE_GROUP_HEALTH_PLAN(8, 31, 1),
    INSURANCE_FECA(8, 39, 1),
    INSURANCE_OTHER(8, 45, 1),
    INSURED_ID(8, 50, 29),

    PATIENT_NAME(10, 1, 28),
    PATIENT_BIRTH_MM(10, 31, 2),
    PATIENT_BIRTH_DD(10, 34, 2),
    PATIENT_BIRTH_YYYY(10, 37, 4),
    PATIENT_SEX_M(10, 42, 1),
    PATIENT_SEX_F(10, 47, 1),
    INSURED_NAME(10, 50, 29),

    PATIENT_STREET(12, 1, 28),
    RELATIONSHIP_SELF(12, 33, 1),
    RELATIONSHIP_SPOUSE(12, 38, 1),
    RELATIONSHIP_CHILD(12, 42, 1),
    RELATIONSHIP_OTHER(12, 47, 1),
    INSURED_STREET(12, 50, 29),

    PATIENT_CITY(14, 1, 24),
    PATIENT_STATE(14, 26, 3),
    INSURED_CITY(14, 50, 23),
    INSURED_STATE(14, 74, 3),

    PATIENT_ZIP(16, 1, 12),
    PATIENT_PHONE_AREA(16, 15, 3),
    PATIENT_PHONE(16, 19, 8),
    INSURED_ZIP(16, 50, 12),
    INSURED_PHONE_AREA(16, 65, 3),
    INSURED_PHONE(16, 69, 9),

    OTHER_INSURED_NAME(18, 1, 28),
    INSURED_GROUP(18, 50, 29),

    OTHER_INSURED_POLICY(20, 1, 28),
    EMPLOYMENT_YES(20, 35, 1),
    EMPLOYMENT_NO(20, 41, 1),
    INSURED_BIRTH_MM(20, 53, 2),
    INSURED_BIRTH_DD(20, 56, 2),
    INSURED_BIRTH_YYYY(20, 59, 4),
    INSURED_SEX_M(20, 68, 1),
    INSURED_SEX_F(20, 75, 1),

    AUTO_ACCIDENT_YES(22, 35, 1),
    AUTO_ACCIDENT_NO(22, 41, 1),
    OTHER_CLAIM_ID(22, 50, 29),

    OTHER_ACCIDENT_YES(24, 35, 1),
    OTHER_ACCIDENT_NO(24, 41, 1),
    INSURED_PLAN_NAME(24, 50, 29),

    OTHER_INSURED_PLAN_NAME(26, 1, 28),
    ANOTHER_PLAN_YES(26, 52, 1),
    ANOTHER_PLAN_NO(26, 57, 1),

    PATIENT_SIGNATURE(29, 7, 28),
    PATIENT_SIGNED_ON(29, 37, 10),
    INSURED_SIGNATURE(29, 56, 23),

    CURRENT_ILLNESS_MM(32, 2, 2),
    CURRENT_ILLNESS_DD(32, 5, 2),
    CURRENT_ILLNESS_YY(32, 8, 4),
    CURRENT_ILLNESS_QUALIFIER(32, 16, 3),

    REFERRING_QUALIFIER(34, 1, 2),
    REFERRING_NAME(34, 4, 25),
    REFERRING_NPI(34, 33, 10),

    ICD_INDICATOR(37, 42, 1),
    DIAGNOSIS_A(38, 3, 7),
    DIAGNOSIS_B(38, 16, 7),
    DIAGNOSIS_C(38, 29, 7),
    DIAGNOSIS_D(38, 42, 7),
    RESUBMISSION_CODE(38, 50, 11),
    ORIGINAL_REFERENCE(38, 62, 17),
    DIAGNOSIS_E(39, 3, 7),
    DIAGNOSIS_F(39, 16, 7),
    DIAGNOSIS_G(39, 29, 7),
    DIAGNOSIS_H(39, 42, 7),
    DIAGNOSIS_I(40, 3, 7),
    DIAGNOSIS_J(40, 16, 7),
    DIAGNOSIS_K(40, 29, 7),
    DIAGNOSIS_L(40, 42, 7),
    PRIOR_AUTHORIZATION(40, 50, 29),

    RENDERING_QUALIFIER(43, 65, 2),
    RENDERING_OTHER_ID(43, 68, 11),
    SERVICE_FROM_MM(44, 1, 2),
    SERVICE_FROM_DD(44, 4, 2),
    SERVICE_FROM_YY(44, 7, 2),
    SERVICE_TO_MM(44, 10, 2),
    SERVICE_TO_DD(44, 13, 2),
    SERVICE_TO_YY(44, 16, 2),
    PLACE_OF_SERVICE(44, 19, 2),
    PROCEDURE(44, 25, 6),
    MODIFIERS(44, 33, 11),
    DIAGNOSIS_POINTER(44, 45, 4),
    CHARGE_DOLLARS(44, 50, 5),
    CHARGE_CENTS(44, 56, 2),
    UNITS(44, 59, 3),
    RENDERING_NPI(44, 68, 10),

    TAX_ID(56, 1, 15),
    TAX_ID_SSN(56, 17, 1),
    TAX_ID_EIN(56, 19, 1),
    ACCOUNT_NUMBER(56, 23, 14),
    ACCEPT_ASSIGNMENT_YES(56, 38, 1),
    ACCEPT_ASSIGNMENT_NO(56, 43, 1),
    TOTAL_CHARGE_DOLLARS(56, 52, 5),
    TOTAL_CHARGE_CENTS(56, 58, 2),
    AMOUNT_PAID_DOLLARS(56, 62, 5),
    AMOUNT_PAID_CENTS(56, 68, 2),

    BILLING_PHONE_AREA(57, 66, 3),
    BILLING_PHONE(57, 70, 9),
    FACILITY_NAME(58, 23, 26),
    BILLING_NAME(58, 50, 29),
    FACILITY_STREET(59, 23, 26),
    BILLING_STREET(59, 50, 29),
    PROVIDER_SIGNATURE(60, 1, 21),
    FACILITY_CITY_STATE_ZIP(60, 23, 26),
    BILLING_CITY_STATE_ZIP(60, 50, 29),
    PROVIDER_SIGNED_ON(61, 6, 8),
    FACILITY_NPI(61, 23, 10),
    BILLING_NPI(61, 50, 10),
    BILLING_OTHER_ID(61, 63, 16);

    /** The six service lines of box 24 are two print lines apart. */
    static final int SERVICE_LINES = 6;

    private final int line;
    private final int column;
    private final int width;

    FormBox(int line, int column, int width) {
        this.line = line;
        this.column = column;
        this.width = width;
    }

    /** The print line of this box on service line {@code service} (0 for every box outside box 24). */
    int line(int service) {
        return line + 2 * service;
    }

    int column() {
        return column;
    }

    /** Columns the form leaves for the value; amounts are right-justified in them. */
    int width() {
        return width;
    }

    /** The column the value starts in: amounts (dollars) end at the box's last column, everything else starts at its first. */
    int column(String value) {
        return name().endsWith("_DOLLARS") ? column + width - value.length() : column;
    }
}
