package org.custodian.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.custodian.disclosure.Cohort;
import org.custodian.disclosure.DateMode;
import org.custodian.disclosure.ExportSummary;
import org.custodian.disclosure.SafeHarborExport;
import org.custodian.disclosure.SafeHarborOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a cohort as a Safe Harbor de-identified data set (CSV files, data-dictionary.csv, README.txt).")
final class DeidExportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--cohort", required = true, paramLabel = "COHORT",
            description = "all | facility:CODE (patients with a record there) | condition:PREFIX (a diagnosis code"
                    + " starting with PREFIX, ICD-10-CM dot ignored, e.g. condition:E11).")
    String cohort;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the data set.")
    Path out;

    @Option(names = "--dates", defaultValue = "YEAR", paramLabel = "MODE",
            description = "YEAR (Safe Harbor) or SHIFT (per-patient shift, research sets) (default: ${DEFAULT-VALUE}).")
    DateMode dates;

    @Option(names = "--shift-key", paramLabel = "KEY", defaultValue = "${env:CUSTODIAN_SHIFT_KEY}",
            description = "Secret for --dates SHIFT (default: $CUSTODIAN_SHIFT_KEY).")
    String shiftKey;

    @Option(names = "--with-notes", description = "Add the clinical notes, scrubbed, as notes.csv.")
    boolean withNotes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cohort parsed;
        SafeHarborOptions options;
        try {
            parsed = Cohort.parse(cohort);
            options = new SafeHarborOptions(dates, shiftKey, withNotes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
            var err = spec.commandLine().getErr();
            var bar = new Object() {
                ProgressBar shown;
            };
            ExportSummary summary = app.bean(SafeHarborExport.class).export(parsed, options, out.toAbsolutePath(),
                    "cli:" + System.getProperty("user.name"), (done, total) -> {
                        if (bar.shown == null) {
                            bar.shown = new ProgressBar("exporting", total, err, ProgressBar.onTerminal());
                        }
                        bar.shown.update(done, "patients");
                    });
            if (bar.shown == null) {
                bar.shown = new ProgressBar("exporting", 1, err, false);
            }
            bar.shown.finish(summary.patients() + " patients");
            spec.commandLine().getOut().printf("Safe Harbor export of %s to %s: %s%n", summary.cohort(), summary.folder(),
                    summary.rowsByFile().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")));
            return 0;
        }
    }
}
