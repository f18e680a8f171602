package org.custodian.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.analytics.BillingMetrics;
import org.custodian.analytics.DnfbMonth;
import org.custodian.analytics.Period;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case's final status decides DNFB: finalising takes the stay out of it, reopening puts it back, and
 * both reach analytics and quality's NOT_CODED finding through the record's change event (neither reads
 * coding's API).
 */
@IntegrationTest
class ReopenedCaseBackInDnfbTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    CodingQueue queue;
    @Autowired
    CodingWork work;
    @Autowired
    BillingMetrics billing;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void reopeningAFinalisedCasePutsItsStayBackInDnfbAndFinalisingAgainTakesItOut() {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(dir);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Facility hospital = fixtures.hospital("RDN" + suffix);
        CustodianUser coder = fixtures.user("rdn.coder" + suffix.toLowerCase(Locale.ROOT), Role.CODER, hospital);
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Reopen", "Dnfb", "RDN-" + suffix);

        awaitDnfbNow(hospital, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> notCodedFindingOpen(stay.encounterId()));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y));
        work.finalise(coder, stay.encounterId(), null);
        awaitDnfbNow(hospital, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !notCodedFindingOpen(stay.encounterId()));

        assertThatThrownBy(() -> queue.changeStatus(coder, stay.encounterId(), CodingStatus.IN_PROGRESS, " "))
                .isInstanceOf(CodingRefused.class).hasMessageStartingWith("give the reason for reopening a coded case");
        queue.changeStatus(coder, stay.encounterId(), CodingStatus.IN_PROGRESS, "reopened: query the attending");
        awaitDnfbNow(hospital, 1);
        // the record still holds the codes filed before, but the coding is no longer final: not coded again
        await().atMost(Duration.ofSeconds(60)).until(() -> notCodedFindingOpen(stay.encounterId()));

        work.finalise(coder, stay.encounterId(), null);
        awaitDnfbNow(hospital, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !notCodedFindingOpen(stay.encounterId()));
    }

    @Test
    void holdingACaseForAPhysicianQueryRewordsItsNotCodedFindingAtOnce() {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(dir);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Facility hospital = fixtures.hospital("RDH" + suffix);
        CustodianUser coder = fixtures.user("rdh.coder" + suffix.toLowerCase(Locale.ROOT), Role.CODER, hospital);
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Hold", "Query", "RDH-" + suffix);

        queue.claim(coder, stay.encounterId());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> notCodedMessage(stay.encounterId()).contains("its coding is still in progress"));
        queue.changeStatus(coder, stay.encounterId(), CodingStatus.ON_HOLD_QUERY, "asked the attending about sepsis");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> notCodedMessage(stay.encounterId()).contains("on hold for a physician query"));
    }

    /** DNFB of this facility as of today: stays discharged and not final billed. */
    private void awaitDnfbNow(Facility hospital, long expected) {
        LocalDate today = LocalDate.now(CodingFixtures.ZONE);
        Period thisMonth = new Period(YearMonth.from(today), YearMonth.from(today));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<DnfbMonth> months = billing.dnfb(Set.of(hospital.id()), thisMonth, today);
            assertThat(months).extracting(DnfbMonth::encounters).containsExactly(expected);
        });
    }

    private String notCodedMessage(UUID encounterId) {
        return jdbc.sql("SELECT coalesce(max(message), '') FROM quality_finding WHERE rule_id = 'NOT_CODED'"
                        + " AND encounter_id = :e AND status = 'OPEN'")
                .param("e", encounterId).query(String.class).single();
    }

    private boolean notCodedFindingOpen(UUID encounterId) {
        return jdbc.sql("SELECT count(*) FROM quality_finding WHERE rule_id = 'NOT_CODED' AND encounter_id = :e"
                        + " AND status = 'OPEN'")
                .param("e", encounterId).query(Integer.class).single() > 0;
    }
}
