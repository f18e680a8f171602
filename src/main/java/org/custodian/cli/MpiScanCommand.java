package org.custodian.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.mpi.Actor;
import org.custodian.mpi.MpiScan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan the patient index for duplicates: link the certain pairs (reversible merges, listed under "
                + "recent merges) and write review tasks for the likely ones.")
final class MpiScanCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @picocli.CommandLine.Option(names = "--facility", paramLabel = "CODE",
            description = "Scan only the patients holding an MRN at this facility (default: every patient).")
    String facilityCode;

    @ArgGroup(exclusive = false)
    MpiCommand.ThresholdOptions thresholdOptions = new MpiCommand.ThresholdOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var thresholds = thresholdOptions.thresholds();
        try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
            PrintWriter err = spec.commandLine().getErr();
            MpiProgress progress = new MpiProgress("scanning", err);
            java.util.UUID facility = null;
            if (facilityCode != null) {
                facility = app.bean(org.custodian.record.FacilityRepository.class).byCode(facilityCode)
                        .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                                "--facility " + facilityCode + ": no facility has this code")).id();
            }
            MpiScan.Summary summary = app.bean(MpiScan.class).scan(thresholds, facility,
                    Actor.system("cli:" + System.getProperty("user.name", "operator")), progress);
            progress.finish("done");
            var stats = summary.stats();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%,d patients, %,d pairs compared (%s)%n", stats.records(), stats.pairsCompared(),
                    stats.perKeyText());
            out.printf(Locale.ROOT, "%,d auto-link: %,d merged, %,d left for a person; %,d review: %,d new review tasks%n",
                    summary.autoLink(), summary.linked(), summary.autoLinkNotMerged(), summary.review(),
                    summary.newTasks());
            return 0;
        }
    }
}
