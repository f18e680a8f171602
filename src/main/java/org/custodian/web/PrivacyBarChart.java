package org.custodian.web;

import java.util.ArrayList;
import java.util.List;

/** A small bar chart drawn as SVG on the server (the CSP allows no chart scripts or inline styles). */
record PrivacyBarChart(int width, int height, int axisY, List<Bar> bars, int max) {
    static final int WIDTH = 560;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;

    record Bar(int x, int y, int width, int height, String label, int value, boolean labelled) {
    }

    static PrivacyBarChart of(List<String> labels, List<Integer> values) {
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        int n = Math.max(1, values.size());
        int slot = WIDTH / n;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int h = (int) Math.round((HEIGHT - AXIS - 12) * (values.get(i) / (double) max));
            bars.add(new Bar(i * slot + 2, HEIGHT - AXIS - h, Math.max(2, slot - 4), h, labels.get(i), values.get(i),
                    i % Math.max(1, n / 7) == 0));
        }
        return new PrivacyBarChart(WIDTH, HEIGHT, HEIGHT - AXIS, bars, max);
    }
}
