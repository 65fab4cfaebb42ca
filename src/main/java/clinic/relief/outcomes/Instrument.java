package clinic.relief.outcomes;

import java.util.Locale;

/**
 * The outcome measures and their published scoring rules, with the minimal clinically important difference (MCID)
 * the progress charts mark. Sources:
 * <ul>
 * <li>NPRS 0–10: MCID 2 points or 30 % of the starting score, whichever the change reaches (Farrar et al. 2001,
 *     Pain 94:149–158; Childs et al. 2005, Spine 30:1331–1334). No missing answer is possible.</li>
 * <li>PEG (pain, enjoyment, general activity), 3 items 0–10, score = mean (Krebs et al. 2009, J Gen Intern Med
 *     24:733–738). The authors give no missing-item rule, so all three are required. No MCID is marked.</li>
 * <li>PSFS, 1 to 5 client-named activities 0–10, score = mean of the rated activities (Stratford et al. 1995,
 *     Physiotherapy Canada 47:258–263). An activity listed without a rating is refused. No MCID is marked.</li>
 * <li>ODI 2.1, 10 sections 0–5, score % = sum / (5 × sections answered) × 100; one missed section is allowed
 *     (Fairbank and Pynsent 2000, Spine 25:2940–2953, which gives this formula for a missed section); two or more
 *     missing are refused. MCID 10 points (Ostelo et al. 2008, Spine 33:90–94).</li>
 * <li>NDI, 10 items 0–5, total out of 50 (× 2 = %); a missed item takes the mean of the answered items (the author's
 *     rule: Vernon, NDI scoring notes; Vernon 2008, J Manipulative Physiol Ther 31:491–502). The author sets no
 *     limit; we accept at most 2 missing items (80 % answered) and refuse more. MCID 7.5 points of 50
 *     (Young et al. 2009, Spine J 9:802–808).</li>
 * </ul>
 */
public enum Instrument {
    NPRS(1, 1, 10, 0, 2.0),
    PEG(3, 3, 10, 0, 0),
    PSFS(1, 5, 10, 0, 0),
    ODI(10, 10, 5, 1, 10.0),
    NDI(10, 10, 5, 2, 7.5);

    private final int minItems;
    private final int maxItems;
    private final int maxAnswer;
    private final int maxMissing;
    private final double mcid;

    Instrument(int minItems, int maxItems, int maxAnswer, int maxMissing, double mcid) {
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.maxAnswer = maxAnswer;
        this.maxMissing = maxMissing;
        this.mcid = mcid;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    int minItems() {
        return minItems;
    }

    int maxItems() {
        return maxItems;
    }

    public int maxAnswer() {
        return maxAnswer;
    }

    int maxMissing() {
        return maxMissing;
    }

    /** The MCID in score units (0 when none is marked); for NPRS a fall of 30 % also counts. */
    public double mcid() {
        return mcid;
    }

    /** The top of the score's scale: 10 for NPRS, PEG and PSFS, 100 (%) for ODI, 50 for NDI. */
    public double scaleMax() {
        return this == ODI ? 100 : this == NDI ? 50 : 10;
    }

    /** Whether a higher score is better (PSFS rates ability); for the others a fall is improvement. */
    public boolean higherIsBetter() {
        return this == PSFS;
    }

    public static Instrument of(String id) {
        for (Instrument instrument : values()) {
            if (instrument.id().equalsIgnoreCase(id)) {
                return instrument;
            }
        }
        throw new InvalidScore("instrument", "outcomes.score.unknownInstrument");
    }
}
