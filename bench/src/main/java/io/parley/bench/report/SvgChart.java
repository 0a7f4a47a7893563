package io.parley.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG by hand (no plotting library): categories on x (the steps), one or more series
 * on y, linear or logarithmic. Two charts side by side make the throughput plot.
 */
public final class SvgChart {

    /** One line: a name, a colour, and one value per category (NaN leaves a hole). */
    public record Series(String name, String colour, double[] values) {
    }

    private static final int WIDTH = 480;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String yLabel;
    private final boolean logarithmic;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    public SvgChart(String title, String yLabel, boolean logarithmic, List<String> categories) {
        this.title = title;
        this.yLabel = yLabel;
        this.logarithmic = logarithmic;
        this.categories = categories;
    }

    public SvgChart add(Series line) {
        series.add(line);
        return this;
    }

    /** Charts side by side in one SVG document. */
    public static String document(List<SvgChart> charts) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH * charts.size(), HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < charts.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">%n", i * WIDTH));
            charts.get(i).draw(svg);
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private void draw(StringBuilder svg) {
        double[] range = range();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(text(WIDTH / 2.0, 20, "middle", "bold", title));
        svg.append(text(LEFT, TOP - 8, "start", "normal", yLabel));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", LEFT, TOP, plotWidth, plotHeight));
        for (double tick : ticks(range)) {
            double y = y(tick, range, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, LEFT + plotWidth, y, y));
            svg.append(text(LEFT - 4, y + 4, "end", "normal", format(tick)));
        }
        for (int c = 0; c < categories.size(); c++) {
            svg.append(text(x(c, plotWidth), TOP + plotHeight + 16, "middle", "normal", categories.get(c)));
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            StringBuilder points = new StringBuilder();
            for (int c = 0; c < line.values().length && c < categories.size(); c++) {
                double value = line.values()[c];
                if (Double.isNaN(value) || (logarithmic && value <= 0)) {
                    continue;
                }
                double px = x(c, plotWidth);
                double py = y(value, range, plotHeight);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        px, py, line.colour()));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", line.colour(), points.toString().trim()));
            double legendY = HEIGHT - 14;
            double legendX = LEFT + s * 100;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    legendX, legendY - 9, line.colour()));
            svg.append(text(legendX + 14, legendY, "start", "normal", line.name()));
        }
    }

    private double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double v : line.values()) {
                if (!Double.isNaN(v) && !Double.isInfinite(v) && (!logarithmic || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return logarithmic ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (logarithmic) {
            return new double[] {Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max)
                    + 1e-9))};
        }
        double top = niceCeiling(max);
        return new double[] {0, top <= 0 ? 1 : top};
    }

    private List<Double> ticks(double[] range) {
        List<Double> ticks = new ArrayList<>();
        if (logarithmic) {
            for (double t = range[0]; t <= range[1] * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(range[0] + (range[1] - range[0]) * i / 5);
            }
        }
        return ticks;
    }

    private double x(int category, int plotWidth) {
        return LEFT + plotWidth * (category + 0.5) / Math.max(1, categories.size());
    }

    private double y(double value, double[] range, int plotHeight) {
        double fraction = logarithmic
                ? (Math.log10(value) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]))
                : (value - range[0]) / (range[1] - range[0]);
        return TOP + plotHeight * (1 - fraction);
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2g", value);
    }

    private static String text(double x, double y, String anchor, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, anchor, weight, escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
