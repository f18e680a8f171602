package org.custodian.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.custodian.training.CommonMistake;
import org.custodian.training.TrainingReports.TraineeProgress;

/**
 * Chart specifications for the trainer's page, in the format {@code js/analytics.js} draws (a
 * {@code data-chart} attribute; no inline script). The tables beside them hold the same figures.
 */
final class TrainingCharts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingCharts() {
    }

    /** Horizontal bars: how often each mistake was made, most frequent on top. */
    static String mistakes(List<CommonMistake> mistakes) {
        List<CommonMistake> top = mistakes.reversed();
        return json(spec("hbar", top.stream().map(m -> m.kind().label() + " " + m.code()).toList(),
                List.of(Map.of("name", "Times", "data", top.stream().map(CommonMistake::times).toList(), "axis", 0)),
                "Times"));
    }

    /** Columns: each trainee's average score on the set's graded exercises. */
    static String scores(List<TraineeProgress> progress) {
        List<TraineeProgress> graded = progress.stream().filter(p -> p.graded() > 0).toList();
        return json(spec("bar", graded.stream().map(TraineeProgress::trainee).toList(),
                List.of(Map.of("name", "Average score (%)",
                        "data", graded.stream().map(TraineeProgress::averagePercent).toList(), "axis", 0)),
                "%"));
    }

    private static Map<String, Object> spec(String kind, List<String> categories, List<Map<String, Object>> series,
                                            String axis) {
        return Map.of("kind", kind, "categories", categories, "series", series, "stacked", false, "axes", List.of(axis));
    }

    private static String json(Object spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
