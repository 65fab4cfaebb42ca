package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One progress chart, laid out on the server for an SVG of {@link #WIDTH} × {@link #HEIGHT}: one or two lines of
 * points over visits, y ticks, and the MCID level (the first score moved by the instrument's MCID, in the direction
 * of improvement) when the instrument has one. {@code rows} is the same data for the table beside the chart.
 */
public record Chart(
        Instrument instrument, List<Line> lines, List<Tick> ticks, Double mcidY, String mcidValue, List<Row> rows) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 24;
    static final int BOTTOM = 34;

    /** A line: a CSS class ({@code before} or {@code after}), its SVG points and dots. */
    public record Line(String kind, String points, List<Dot> dots) {}

    /** A dot at a visit. */
    public record Dot(double x, double y) {}

    /** A y-axis tick. */
    public record Tick(double y, String label) {}

    /** A row of the data table: the visit's date and the values (null where none was taken). */
    public record Row(String date, BigDecimal first, BigDecimal second, BigDecimal change) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public boolean hasMcid() {
        return mcidY != null;
    }

    /** Lays out series of values (nulls are gaps) over {@code count} visits. */
    static Chart of(Instrument instrument, List<String> kinds, List<List<BigDecimal>> series, List<Row> rows) {
        double max = instrument.scaleMax();
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            List<BigDecimal> values = series.get(s);
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    Dot dot = new Dot(x(i, values.size()), y(values.get(i).doubleValue(), max));
                    dots.add(dot);
                    points.append(points.isEmpty() ? "" : " ")
                            .append(fmt(dot.x()))
                            .append(',')
                            .append(fmt(dot.y()));
                }
            }
            lines.add(new Line(kinds.get(s), points.toString(), dots.size() > 60 ? List.of() : dots));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            double value = max * i / 5;
            ticks.add(new Tick(y(value, max), fmt(value)));
        }
        BigDecimal baseline =
                series.get(0).stream().filter(v -> v != null).findFirst().orElse(null);
        Double mcidY = null;
        String mcidValue = null;
        if (instrument.mcid() > 0 && baseline != null) {
            double start = baseline.doubleValue();
            double level = start + (instrument.higherIsBetter() ? 1 : -1) * instrument.mcid();
            if (instrument == Instrument.NPRS) {
                // 2 points or a 30 % fall, whichever comes first.
                level = Math.max(level, start * 0.7);
            }
            if (level >= 0 && level <= max) {
                mcidY = y(level, max);
                mcidValue = fmt(level);
            }
        }
        return new Chart(instrument, lines, ticks, mcidY, mcidValue, rows);
    }

    static double x(int index, int count) {
        double span = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
    }

    static double y(double value, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
