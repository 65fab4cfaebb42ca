package clinic.relief.insurance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The codes of a 999 (implementation acknowledgment) in the words a claim or the X12 file log keeps them ("set answer
 * R; segment CLM at position 22 (error 8); element 2 (error 7)", "functional group rejected, answer R (error 4)"),
 * each with the message keys of its label and meaning ({@code insurance.ack999.IK3} and {@code
 * insurance.ack999.IK3.8} in the module's bundles, English and Spanish). The code lists are X12's: IK3-04 segment
 * syntax errors, IK4-03 element syntax errors, IK5-01 and AK9-01 answers, AK9-05 group syntax errors. A code the
 * bundle does not hold has no meaning message: the page shows it as an unknown code. Text older rows kept before the
 * answer code was (a bare "functional group rejected") reads as an AK9 R.
 */
@Component
public class ImplementationAckCodes {

    private static final Pattern CODES = Pattern.compile("segment \\S+ at position \\d+ \\(error (?<ik3>\\w+)\\)"
            + "|element \\S+ \\(error (?<ik4>\\w+)\\)"
            + "|set answer (?<ik5>\\w+)"
            + "|functional group rejected(?:, answer (?<ak9>\\w+))?(?: \\(error (?<ak905>\\w+(?:, \\w+)*)\\))?");

    /** One code found: its element ({@code IK3}, {@code IK4}, {@code IK5}, {@code AK9}, {@code AK905}) and value. */
    public record Code(String element, String code) {

        /** The key of what the element is, e.g. "Segment error". */
        public String labelKey() {
            return "insurance.ack999." + element;
        }

        /** The key of the code's meaning, missing from the bundles when the code is not a published one. */
        public String meaningKey() {
            return "insurance.ack999." + element + "." + code;
        }
    }

    /** The 999 codes the text names, in the order it names them; none for a 277CA's codes or any other text. */
    public List<Code> of(String text) {
        List<Code> codes = new ArrayList<>();
        Matcher found = CODES.matcher(text);
        while (found.find()) {
            for (String element : List.of("ik3", "ik4", "ik5")) {
                if (found.group(element) != null) {
                    codes.add(new Code(element.toUpperCase(Locale.ROOT), found.group(element)));
                }
            }
            if (found.group().startsWith("functional group")) {
                codes.add(new Code("AK9", found.group("ak9") == null ? "R" : found.group("ak9")));
                if (found.group("ak905") != null) {
                    for (String code : found.group("ak905").split(", ")) {
                        codes.add(new Code("AK905", code));
                    }
                }
            }
        }
        return codes;
    }
}
