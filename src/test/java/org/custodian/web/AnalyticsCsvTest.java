package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyticsCsvTest {
    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        String csv = new AnalyticsCsv("name", "count", "rate")
                .row("Pneumonia, unspecified", 3L, 0.25)
                .row("say \"hi\"", 0, null)
                .row("=HYPERLINK(\"http://x\")", -1, 1.0)
                .row("@SUM(A1)", 2, 0.5)
                .toString();
        assertThat(csv).isEqualTo("name,count,rate\r\n"
                + "\"Pneumonia, unspecified\",3,0.2500\r\n"
                + "\"say \"\"hi\"\"\",0,\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",-1,1.0000\r\n"
                + "'@SUM(A1),2,0.5000\r\n");
    }
}
