package org.custodian.cli;

import java.io.Console;
import java.io.PrintWriter;

/**
 * A text progress bar on stderr. On a terminal it is redrawn in place ({@code \r}, at most ten times
 * a second); otherwise (a log file, CI) it prints one line per tenth of the work, so logs stay short.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String task;
    private final long total;
    private final PrintWriter out;
    private final boolean terminal;
    private long done;
    private int printedTenths = -1;
    private long lastDraw;
    private int lastLength;

    ProgressBar(String task, long total, PrintWriter out, boolean terminal) {
        this.task = task;
        this.total = Math.max(1, total);
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void advance(long amount, String detail) {
        update(done + amount, detail);
    }

    synchronized void update(long doneSoFar, String detail) {
        done = Math.clamp(doneSoFar, 0, total);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || done == total) {
                lastDraw = now;
                redraw(detail);
            }
        } else {
            int tenths = (int) (done * 10 / total);
            if (tenths > printedTenths) {
                printedTenths = tenths;
                out.println(line(detail));
                out.flush();
            }
        }
    }

    /** Ends the bar with a last word; always on a line of its own. */
    synchronized void finish(String summary) {
        if (terminal) {
            redraw(summary);
            out.println();
        } else {
            out.println(task + ": " + summary);
        }
        out.flush();
    }

    String line(String detail) {
        int percent = (int) (done * 100 / total);
        int filled = (int) (done * WIDTH / total);
        return String.format("%-20s [%s%s] %3d%%  %s", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, detail == null ? "" : detail);
    }

    private void redraw(String detail) {
        String line = line(detail);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        out.flush();
    }

    /** Whether this process talks to a terminal (not redirected to a file or pipe). */
    static boolean onTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() exists even when redirected, and isTerminal() tells; this
        // code is compiled for 21, where a console exists only on a terminal.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
