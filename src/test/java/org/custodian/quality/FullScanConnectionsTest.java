package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.custodian.IntegrationTest;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A full scan takes no more of the shared connection pool than {@code custodian.quality.scan-connections},
 * so the web, FHIR and HL7 doors keep theirs while it runs (it used to hold one per table, ten).
 */
@IntegrationTest
class FullScanConnectionsTest {
    /**
     * Connections the rest of the shared test context may hold at the same moment: up to four record-change
     * listeners of other test classes (spring.task.execution.simple.concurrency-limit) and the audit writer.
     * The scan's old way held ten plus its workers, which this bound still tells apart.
     */
    private static final int OTHERS = 5;

    @Autowired
    ApplicationContext context;
    @Autowired
    QualityScans scans;
    @Autowired
    QualityProperties properties;
    @Autowired
    DataSource dataSource;

    @Test
    void aFullScanHoldsAtMostTheScanConnectionsOfThePool() throws SQLException, InterruptedException {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QFS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Practitioner doctor = fixtures.physician("Connie", "Pool");
        for (int i = 0; i < 3; i++) {
            fixtures.write(fixtures.cleanInpatient(hospital, doctor, 10 + i));
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean scanning = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (scanning.get()) {
                most.accumulateAndGet(pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
                Thread.onSpinWait();
            }
        });
        try {
            ScanResult result = scans.fullScan(ScanProgress.NONE);
            assertThat(result.patients()).isGreaterThanOrEqualTo(3);
        } finally {
            scanning.set(false);
            watcher.join();
        }
        assertThat(properties.scanConnections()).isEqualTo(3);
        assertThat(most.get()).as("connections in use during the scan").isPositive()
                .isLessThanOrEqualTo(properties.scanConnections() + OTHERS);
    }
}
