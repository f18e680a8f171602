package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTest {
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    long first;

    @BeforeEach
    void freshChainOfFiveEvents() {
        asSuperuser("TRUNCATE audit_event");
        asSuperuser("UPDATE audit_head SET seq = 0, hash = '" + AuditChain.GENESIS + "'");
        first = audit.record(entry("a")).seq();
        for (String user : new String[] {"b", "c", "d", "e"}) {
            audit.record(entry(user));
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        assertThat(audit.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aChangedRowIsNamed() {
        asSuperuser("UPDATE audit_event SET username = 'mallory' WHERE seq = " + (first + 2));
        assertThat(audit.verify()).isEqualTo(
                new AuditVerification.Broken(first + 2, "content does not match its hash (the row was changed)"));
    }

    @Test
    void aDeletedRowIsNamed() {
        asSuperuser("DELETE FROM audit_event WHERE seq = " + (first + 1));
        assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(first + 1));
    }

    @Test
    void aRowReplacedWithAFreshlyHashedOneBreaksTheNextLink() {
        AuditEvent forged = new AuditEvent(first + 1, java.time.Instant.parse("2026-01-01T00:00:00Z"), "mallory", "",
                AuditAction.READ, AuditOutcome.SUCCESS, null, null, null, null, "local", null);
        String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_event WHERE seq = ?", String.class, first + 1);
        String hash = AuditChain.hash(prev, forged);
        asSuperuser("UPDATE audit_event SET username = 'mallory', roles = '', action = 'READ', outcome = 'SUCCESS',"
                + " patient_id = NULL, resource_type = NULL, resource_id = NULL, detail = NULL, client_address = 'local',"
                + " occurred_at = '2026-01-01T00:00:00Z', hash = '" + hash + "' WHERE seq = " + (first + 1));
        assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(first + 2));
    }

    @Test
    void aCutTailIsDetectedThroughTheHead() {
        asSuperuser("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)");
        assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Broken.class,
                b -> assertThat(b.reason()).contains("deleted from the end"));
    }

    @Test
    void theDatabaseRefusesOrdinaryUpdatesAndDeletes() {
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET username = 'x'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event")).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aRolledBackChangeTakesItsAuditEventWithIt() {
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        try {
            tx.executeWithoutResult(status -> {
                audit.record(entry("rollback"));
                throw new IllegalStateException("change failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(before);
        assertThat(audit.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aRefusalKeptInsideATransactionThatAlreadyAuditedStaysAfterTheRollbackAndTheChainStaysIntact() {
        try {
            tx.executeWithoutResult(status -> {
                audit.record(entry("allowed-step"));
                audit.recordKept(entry("refused-step"));
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            // the refusal rolls the transaction back, as a refused entry of a transaction bundle does
        }
        assertThat(jdbc.queryForList("SELECT username FROM audit_event WHERE seq > ? ORDER BY seq", String.class,
                first + 4)).containsExactly("refused-step");
        assertThat(audit.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void eventsBegunByManyReadsAtOnceAreEachCommittedWhenAwaitedAndTheChainStaysIntact() throws Exception {
        int readers = 40;
        List<Long> seqs;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String user = "reader" + i;
                done.add(threads.submit(() -> {
                    PendingAuditEvent pending = audit.begin(entry(user));
                    long seq = pending.durable().seq();
                    // what a read would now send: its event is already visible to any other connection
                    assertThat(jdbc.queryForObject("SELECT username FROM audit_event WHERE seq = ?", String.class, seq))
                            .isEqualTo(user);
                    return seq;
                }));
            }
            seqs = new ArrayList<>();
            for (Future<Long> f : done) {
                seqs.add(f.get(60, TimeUnit.SECONDS));
            }
        }
        assertThat(seqs).doesNotHaveDuplicates().allSatisfy(seq -> assertThat(seq).isGreaterThan(first + 4));
        assertThat(audit.verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                intact -> assertThat(intact.events()).isGreaterThanOrEqualTo(5 + readers));
    }

    @Test
    void searchFiltersAndSortsByAnyColumn() {
        AuditPage page = audit.search(new AuditQuery("c", null, null, null, null, null, false, 0, 10));
        assertThat(page.events()).extracting(AuditEvent::username).containsExactly("c");
        AuditPage sorted = audit.search(new AuditQuery(null, null, AuditAction.READ, null, null,
                AuditQuery.SortColumn.USER, false, 0, 3));
        assertThat(sorted.events()).extracting(AuditEvent::username).containsExactly("e", "d", "c");
        assertThat(sorted.total()).isEqualTo(5);
    }

    private void asSuperuser(String sql) {
        tx.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.execute(sql);
        });
    }

    private static AuditEntry entry(String user) {
        return new AuditEntry(user, "CODER", AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(), "Patient",
                "p-" + user, "test", "127.0.0.1");
    }
}
