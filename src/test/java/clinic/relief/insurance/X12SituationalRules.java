package clinic.relief.insurance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's own checks of 005010X222A1's situational rules on an 837P written with '*', ':' and '~': the
 * subscriber's address and demographics (2010BA N3, N4, DMG) only when the subscriber is the patient (SBR02 = 18),
 * a patient loop 2000C (PAT, NM1*QC with no id, N3, N4, DMG) exactly when not; HL numbering and parents; DMG with
 * an eight-digit date and F, M or U; a corrected or void claim (CLM05-3 7 or 8) with the payer's claim number
 * (REF*F8) and no other frequency than 1, 7, 8; a rendering provider's name without a comma and followed by PRV*PE;
 * every value in the X12 basic character set. Answers the broken rules, none for a good file.
 */
final class X12SituationalRules {

    private static final Pattern BASIC = Pattern.compile("[A-Z0-9 !\"&'()+,\\-./;?=]*");

    private X12SituationalRules() {}

    static List<String> broken(String x12) {
        List<String[]> segments = Arrays.stream(x12.split("~"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.split("\\*", -1))
                .toList();
        List<String> broken = new ArrayList<>();
        Set<String> hls = new HashSet<>();
        int expectedHl = 1;
        for (int i = 0; i < segments.size(); i++) {
            String[] s = segments.get(i);
            characters(s, broken);
            switch (s[0]) {
                case "HL" -> {
                    if (!s[1].equals(String.valueOf(expectedHl++))) {
                        broken.add("HL01 " + s[1] + " out of sequence");
                    }
                    if (!s[2].isEmpty() && !hls.contains(s[2])) {
                        broken.add("HL " + s[1] + " names an unknown parent " + s[2]);
                    }
                    hls.add(s[1]);
                    if (s[3].equals("22")) {
                        subscriber(segments, i, broken);
                    }
                }
                case "DMG" -> {
                    if (!s[1].equals("D8") || !s[2].matches("(19|20)[0-9]{6}") || !s[3].matches("[FMU]")) {
                        broken.add("DMG " + String.join("*", s) + " is not D8, a date and F/M/U");
                    }
                }
                case "CLM" -> claim(segments, i, broken);
                case "NM1" -> {
                    if (s[1].equals("82") && (s[3].contains(",") || s[4].contains(","))) {
                        broken.add("rendering provider's name holds a comma: " + String.join("*", s));
                    }
                    if (s[1].equals("82") && !segments.get(i + 1)[0].equals("PRV")) {
                        broken.add("2310B NM1*82 is not followed by PRV*PE");
                    }
                }
                default -> {}
            }
        }
        return broken;
    }

    private static void subscriber(List<String[]> segments, int hl, List<String> broken) {
        String[] hlSegment = segments.get(hl);
        String[] sbr = segments.get(hl + 1);
        boolean self = sbr.length > 2 && sbr[2].equals("18");
        List<String> loop2010ba = new ArrayList<>();
        int i = hl + 3;
        while (!segments.get(i)[0].equals("NM1")) {
            loop2010ba.add(segments.get(i)[0]);
            i++;
        }
        String[] next = segments.get(i + 1);
        if (self) {
            if (!loop2010ba.equals(List.of("N3", "N4", "DMG"))) {
                broken.add("2010BA of a subscriber who is the patient has " + loop2010ba + ", not N3, N4, DMG");
            }
            if (!hlSegment[4].equals("0")) {
                broken.add("HL*22 of a subscriber who is the patient says it has children");
            }
        } else {
            if (!loop2010ba.isEmpty()) {
                broken.add("2010BA of a dependant's subscriber has " + loop2010ba + " (SBR02 is not 18)");
            }
            if (!next[0].equals("HL") || !next[3].equals("23") || !next[2].equals(hlSegment[1])) {
                broken.add("a dependant's claim has no 2000C patient loop under HL " + hlSegment[1]);
                return;
            }
            List<String> patient = new ArrayList<>();
            for (int j = i + 2; !segments.get(j)[0].equals("CLM"); j++) {
                patient.add(segments.get(j)[0]);
            }
            if (!patient.equals(List.of("PAT", "NM1", "N3", "N4", "DMG"))) {
                broken.add("2000C/2010CA has " + patient + ", not PAT, NM1, N3, N4, DMG");
            }
            String[] qc = segments.get(i + 3);
            if (qc.length > 6) {
                broken.add("NM1*QC carries an id (NM108/NM109 are not used in 2010CA)");
            }
        }
    }

    private static void claim(List<String[]> segments, int clm, List<String> broken) {
        String[] place = segments.get(clm)[5].split(":");
        String frequency = place.length > 2 ? place[2] : "";
        if (!frequency.matches("[178]")) {
            broken.add("CLM05-3 " + frequency + " is not 1, 7 or 8");
        }
        boolean f8 = false;
        for (int i = clm + 1; i < segments.size() && !segments.get(i)[0].equals("LX"); i++) {
            f8 |= segments.get(i)[0].equals("REF") && segments.get(i)[1].equals("F8");
        }
        if (!frequency.equals("1") && !f8) {
            broken.add("a corrected or void claim (CLM05-3 " + frequency + ") has no REF*F8");
        }
        if (frequency.equals("1") && f8) {
            broken.add("an original claim carries REF*F8");
        }
    }

    private static void characters(String[] segment, List<String> broken) {
        for (int i = 1; i < segment.length; i++) {
            if (segment[0].equals("ISA") && (i == 11 || i == 16)) {
                continue;
            }
            for (String component : segment[i].split(":", -1)) {
                if (!BASIC.matcher(component).matches()) {
                    broken.add(segment[0] + " element " + i + " is outside the basic character set: " + component);
                }
            }
        }
    }
}
