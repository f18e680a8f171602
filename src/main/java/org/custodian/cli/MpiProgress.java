package org.custodian.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.custodian.mpi.Progress;

/** A progress bar for MPI work whose total is known only once the work starts (pairs after blocking). */
final class MpiProgress implements Progress {
    private final String task;
    private final PrintWriter out;
    private ProgressBar bar;

    MpiProgress(String task, PrintWriter out) {
        this.task = task;
        this.out = out;
    }

    @Override
    public synchronized void update(long done, long total) {
        if (bar == null) {
            bar = new ProgressBar(task, total, out, ProgressBar.onTerminal());
        }
        bar.update(done, String.format(Locale.ROOT, "%,d of %,d", done, total));
    }

    synchronized void finish(String summary) {
        if (bar != null) {
            bar.finish(summary);
        }
    }
}
