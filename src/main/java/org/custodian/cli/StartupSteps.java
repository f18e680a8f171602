package org.custodian.cli;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * A diagnostic for start-up time: with {@code -Dcustodian.startup-steps=N} the application records its
 * start-up steps (bean creations, post-processors, context refresh) and logs the N that took longest
 * on their own, children's time left out, so the costly beans stand out. Off by default.
 */
final class StartupSteps {
    static final String PROPERTY = "custodian.startup-steps";
    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);
    private static final int CAPACITY = 20_000;

    private StartupSteps() {
    }

    /** Records the start-up of {@code app} if the property asks for a report; returns the recorder or null. */
    static BufferingApplicationStartup recordIfAsked(SpringApplication app) {
        if (Integer.getInteger(PROPERTY, 0) <= 0) {
            return null;
        }
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(CAPACITY);
        app.setApplicationStartup(recorder);
        return recorder;
    }

    static void report(BufferingApplicationStartup recorder) {
        if (recorder == null) {
            return;
        }
        List<TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
        log.info("start-up steps, slowest by own time:\n{}", String.join("\n", slowest(events, Integer.getInteger(PROPERTY))));
    }

    /** The {@code limit} steps with the longest own time (their duration less their children's), as lines. */
    static List<String> slowest(List<TimelineEvent> events, int limit) {
        Map<Long, Duration> childTime = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        return events.stream()
                .map(event -> new Step(event, event.getDuration().minus(childTime.getOrDefault(event.getStartupStep().getId(), Duration.ZERO))))
                .sorted(Comparator.comparing(Step::own).reversed())
                .limit(limit)
                .map(Step::line)
                .toList();
    }

    private record Step(TimelineEvent event, Duration own) {
        String line() {
            StringBuilder line = new StringBuilder(String.format("%7d ms own, %7d ms total  %s",
                    own.toMillis(), event.getDuration().toMillis(), event.getStartupStep().getName()));
            for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
                line.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
            }
            return line.toString();
        }
    }
}
