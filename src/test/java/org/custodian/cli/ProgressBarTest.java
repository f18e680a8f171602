package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void inALogItPrintsOneLinePerTenthNotPerStep() {
        StringWriter log = new StringWriter();
        ProgressBar bar = new ProgressBar("loading patients", 200, new PrintWriter(log), false);
        for (int i = 1; i <= 200; i++) {
            bar.advance(1, i + "/200");
        }
        bar.finish("200 loaded");

        String[] lines = log.toString().split("\\R");
        assertThat(lines).hasSize(12).noneMatch(line -> line.contains("\r"));
        assertThat(lines[0]).isEqualTo("loading patients     [..............................]   0%  1/200");
        assertThat(lines[1]).isEqualTo("loading patients     [###...........................]  10%  20/200");
        assertThat(lines[10]).contains("[##############################] 100%  200/200");
        assertThat(lines[11]).isEqualTo("loading patients: 200 loaded");
    }

    @Test
    void onATerminalItRedrawsOneLineInPlace() {
        StringWriter screen = new StringWriter();
        ProgressBar bar = new ProgressBar("generating patients", 3, new PrintWriter(screen), true);
        bar.update(0, "starting Synthea (seed 8)");
        bar.update(3, "3/3 living");
        bar.finish("3 living, 0 deceased");

        String output = screen.toString();
        assertThat(output).startsWith("\rgenerating patients  [..............................]   0%  starting Synthea (seed 8)");
        assertThat(output.split("\r")).hasSize(4);
        assertThat(output.indexOf('\n')).isEqualTo(output.length() - 1);
        assertThat(output).endsWith("100%  3 living, 0 deceased\n");
    }
}
