package org.custodian.web;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Small server-rendered SVG charts for the quality scorecards: no script, no inline style (our CSP
 * allows neither), colours from CSS classes. Each chart carries a title and per-mark titles, so a
 * screen reader or a hover tells the figure.
 */
final class QualitySvgCharts {
    record Bar(String label, double value, String text) {
    }

    record Point(String label, double first, double second) {
    }

    private QualitySvgCharts() {
    }

    /** Horizontal bars of rates between 0 and 1, one per group. */
    static String rateBars(String title, List<Bar> bars, String barClass) {
        int rowHeight = 26;
        int labelWidth = 170;
        int plotWidth = 320;
        int height = Math.max(1, bars.size()) * rowHeight + 10;
        StringBuilder svg = open(title, labelWidth + plotWidth + 110, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * rowHeight;
            double width = Math.max(0, Math.min(1, bar.value())) * plotWidth;
            svg.append(text(labelWidth - 8, y + 17, "end", "chart-label", clip(bar.label(), 24)));
            svg.append("<rect class=\"chart-track\" x=\"").append(labelWidth).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(plotWidth).append("\" height=\"16\"/>");
            svg.append("<rect class=\"").append(barClass).append("\" x=\"").append(labelWidth).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(fmt(width)).append("\" height=\"16\"><title>").append(esc(bar.label() + ": "
                            + bar.text())).append("</title></rect>");
            svg.append(text(labelWidth + plotWidth + 6, y + 17, "start", "chart-value", bar.text()));
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical columns of counts (e.g. open deficiencies by age). */
    static String countColumns(String title, List<Bar> columns) {
        int width = 460;
        int height = 200;
        int plotTop = 20;
        int plotBottom = 160;
        double max = columns.stream().mapToDouble(Bar::value).max().orElse(0);
        int slot = (width - 20) / Math.max(1, columns.size());
        StringBuilder svg = open(title, width, height);
        svg.append(line(10, plotBottom, width - 10, plotBottom, "chart-axis"));
        for (int i = 0; i < columns.size(); i++) {
            Bar c = columns.get(i);
            double h = max == 0 ? 0 : c.value() / max * (plotBottom - plotTop);
            int x = 10 + i * slot + slot / 5;
            int w = slot * 3 / 5;
            svg.append("<rect class=\"chart-bar age-").append(i).append("\" x=\"").append(x).append("\" y=\"")
                    .append(fmt(plotBottom - h)).append("\" width=\"").append(w).append("\" height=\"").append(fmt(h))
                    .append("\"><title>").append(esc(c.label() + ": " + c.text())).append("</title></rect>");
            svg.append(text(x + w / 2, (int) (plotBottom - h) - 4, "middle", "chart-value", c.text()));
            svg.append(text(x + w / 2, plotBottom + 18, "middle", "chart-label", c.label()));
        }
        return svg.append("</svg>").toString();
    }

    /** Two rate series (0 to 1) over time: completeness and delinquency. */
    static String trend(String title, List<Point> points, String firstName, String secondName) {
        int width = 640;
        int height = 240;
        int left = 44;
        int right = width - 16;
        int top = 16;
        int bottom = 190;
        StringBuilder svg = open(title, width, height);
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = bottom - pct / 100.0 * (bottom - top);
            svg.append(line(left, y, right, y, "chart-grid"));
            svg.append(text(left - 6, (int) y + 4, "end", "chart-label", pct + "%"));
        }
        double step = points.size() <= 1 ? 0 : (double) (right - left) / (points.size() - 1);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = left + i * step;
            first.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(bottom - p.first() * (bottom - top)));
            second.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(bottom - p.second() * (bottom - top)));
            if (i % 2 == 0 || i == points.size() - 1) {
                svg.append(text((int) x, bottom + 18, "middle", "chart-label", p.label()));
            }
            svg.append("<circle class=\"chart-dot first\" cx=\"").append(fmt(x)).append("\" cy=\"")
                    .append(fmt(bottom - p.first() * (bottom - top))).append("\" r=\"3\"><title>")
                    .append(esc(p.label() + ": " + firstName + " " + percent(p.first()))).append("</title></circle>");
            svg.append("<circle class=\"chart-dot second\" cx=\"").append(fmt(x)).append("\" cy=\"")
                    .append(fmt(bottom - p.second() * (bottom - top))).append("\" r=\"3\"><title>")
                    .append(esc(p.label() + ": " + secondName + " " + percent(p.second()))).append("</title></circle>");
        }
        svg.append("<path class=\"chart-line first\" d=\"").append(first).append("\"/>");
        svg.append("<path class=\"chart-line second\" d=\"").append(second).append("\"/>");
        svg.append("<rect class=\"chart-line-key first\" x=\"").append(left).append("\" y=\"").append(height - 18)
                .append("\" width=\"14\" height=\"4\"/>");
        svg.append(text(left + 20, height - 12, "start", "chart-label", firstName));
        svg.append("<rect class=\"chart-line-key second\" x=\"").append(left + 200).append("\" y=\"").append(height - 18)
                .append("\" width=\"14\" height=\"4\"/>");
        svg.append(text(left + 220, height - 12, "start", "chart-label", secondName));
        return svg.append("</svg>").toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\"><title>").append(esc(title)).append("</title>");
    }

    private static String text(int x, int y, String anchor, String cls, String content) {
        return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + esc(content)
                + "</text>";
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\""
                + fmt(y2) + "\"/>";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
