package org.custodian.cli;

import java.io.PrintWriter;
import org.custodian.retention.SnapshotProgress;

/** Draws a backup's or restore's phases (tables, files, verification) as progress bars on stderr. */
final class SnapshotBar implements SnapshotProgress {
    private final PrintWriter out;
    private ProgressBar bar;

    SnapshotBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(String task, long units) {
        bar = new ProgressBar(task, units, out, ProgressBar.onTerminal());
    }

    @Override
    public void advance(long units, String detail) {
        bar.advance(units, detail);
    }

    @Override
    public void end(String summary) {
        bar.finish(summary);
    }
}
