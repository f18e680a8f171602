package org.custodian.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.coding.CodingFigures;
import org.springframework.web.util.HtmlUtils;

/** Server-rendered SVG: encounters coded per day over the period, all coders together (no script needed). */
final class CodingChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM/dd", Locale.US);

    private CodingChart() {
    }

    static String codedPerDay(CodingFigures figures) {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (LocalDate d = figures.from(); !d.isAfter(figures.to()); d = d.plusDays(1)) {
            perDay.put(d, 0);
        }
        figures.days().forEach(d -> perDay.merge(d.day(), d.coded(), Integer::sum));
        int max = Math.max(1, perDay.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        double slot = (double) (WIDTH - LEFT - 10) / perDay.size();
        double plotHeight = HEIGHT - BOTTOM - 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">")
                .append("Encounters coded per day, ").append(figures.from()).append(" to ").append(figures.to())
                .append("</title>");
        svg.append(line(LEFT, 10, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM));
        svg.append(text(LEFT - 6, 16, "end", Integer.toString(max))).append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
        int i = 0;
        int labelEvery = Math.max(1, perDay.size() / 10);
        for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
            double h = plotHeight * day.getValue() / max;
            double x = LEFT + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                            + "<title>%s: %d coded</title></rect>", x, HEIGHT - BOTTOM - h, slot * 0.7, h,
                    HtmlUtils.htmlEscape(day.getKey().toString()), day.getValue()));
            if (i % labelEvery == 0) {
                svg.append(text(x + slot * 0.35, HEIGHT - BOTTOM + 16, "middle", LABEL.format(day.getKey())));
            }
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String value) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                HtmlUtils.htmlEscape(value));
    }
}
