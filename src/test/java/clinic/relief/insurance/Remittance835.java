package clinic.relief.insurance;

/** Builds small 835 (005010X221A1) files for tests: a payer's payment with one CLP loop per claim. */
final class Remittance835 {

    private final StringBuilder clps = new StringBuilder();
    private final String trace;
    private int count;

    Remittance835(String trace) {
        this.trace = trace;
    }

    /** A claim payment with claim-level adjustments written as "PR*3*25.00" or "CO*45*25.00". */
    Remittance835 claim(String claimId, String status, String charge, String paid, String patient, String... cas) {
        count++;
        clps.append("LX*").append(count).append("~\n");
        clps.append("CLP*")
                .append(claimId)
                .append('*')
                .append(status)
                .append('*')
                .append(charge)
                .append('*')
                .append(paid)
                .append('*')
                .append(patient)
                .append("*12*PAYER")
                .append(claimId)
                .append("~\n");
        for (String adjustment : cas) {
            clps.append("CAS*").append(adjustment).append("~\n");
        }
        clps.append("NM1*QC*1*GARCIA*ROSA****MI*XYZ1~\n");
        return this;
    }

    String build() {
        String body = "ST*835*0001*005010X221A1~\n"
                + "BPR*I*100.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261201~\n"
                + "TRN*1*" + trace + "*1512345678~\n"
                + "DTM*405*20261201~\n"
                + "N1*PR*BLUE SHIELD OF CALIFORNIA~\n"
                + "N3*PO BOX 1~\n"
                + "N4*SAN FRANCISCO*CA*94105~\n"
                + "PER*BL*PROVIDER SERVICES*TE*8005551234~\n"
                + "N1*PE*MASSAGE REVOLUTION LLC*XX*1245319599~\n"
                + clps;
        int segments = body.split("~\n").length + 1;
        return "ISA*00*          *00*          *ZZ*BS001          *ZZ*RELIEF01       *261201*1200*^*00501*000000077*0*P*:~\n"
                + "GS*HP*BS001*RELIEF01*20261201*1200*77*X*005010X221A1~\n"
                + body
                + "SE*" + segments + "*0001~\n"
                + "GE*1*77~\n"
                + "IEA*1*000000077~\n";
    }

    /** Sets each SE segment count again after a test added or removed segments of a built file. */
    static String recount(String file) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String segment : file.split("~\n")) {
            count = segment.startsWith("ST*") ? 1 : count + 1;
            String written = segment.startsWith("SE*") ? segment.replaceFirst("^SE\\*\\d+", "SE*" + count) : segment;
            out.append(written).append("~\n");
        }
        return out.toString();
    }
}
