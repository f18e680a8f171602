package org.custodian.coding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding audits: a second coder re-codes a sample of coded encounters without seeing the original
 * codes; completing the audit counts code-level agreement and marks the case audited.
 */
@Service
public class CodingAudits {
    public static final int MAX_SAMPLE = 200;

    private final CodingQueue queue;
    private final LineRepository lines;
    private final CodingAccess access;
    private final JdbcClient jdbc;

    CodingAudits(CodingQueue queue, LineRepository lines, CodingAccess access, JdbcClient jdbc) {
        this.queue = queue;
        this.lines = lines;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** A random sample of coded, unaudited encounters in the user's facilities that someone else coded. */
    @Transactional
    public List<QueueEntry> sample(CustodianUser user, int size) {
        access.require(user, Permission.AUDIT_CODING, "coding audits");
        if (size < 1 || size > MAX_SAMPLE) {
            throw new CodingRefused("a sample holds 1 to " + MAX_SAMPLE + " encounters, not " + size);
        }
        List<QueueEntry> coded = queue.list(user, new QueueFilter(null, null, null, CodingStatus.CODED, null, null,
                null, QueueFilter.Sort.OLDEST, QueueFilter.MAX_LIMIT)).entries();
        Set<UUID> codedBySelf = new HashSet<>(jdbc.sql("SELECT encounter_id FROM coding_case WHERE coded_by = :u")
                .param("u", user.getUsername()).query(UUID.class).list());
        List<QueueEntry> others = new java.util.ArrayList<>(coded.stream()
                .filter(e -> !codedBySelf.contains(e.encounterId())).toList());
        java.util.Collections.shuffle(others);
        return List.copyOf(others.subList(0, Math.min(size, others.size())));
    }

    /** Completes the blind re-code: agreement is counted per code (diagnoses and procedures). */
    @Transactional
    public AuditResult complete(CustodianUser user, UUID encounterId) {
        access.require(user, Permission.AUDIT_CODING, "coding audits");
        CaseRepository.CaseRow row = queue.open(user, encounterId);
        if (row.status() != CodingStatus.CODED) {
            throw new CodingRefused("only a coded encounter can be audited; this one is " + row.status().label().toLowerCase());
        }
        if (user.getUsername().equals(row.codedBy())) {
            throw new CodingRefused("a coding audit is done by a second coder, not by the coder who coded it");
        }
        Set<String> original = keys(lines.lines(encounterId, CodingPass.PRIMARY));
        Set<String> audit = keys(lines.lines(encounterId, CodingPass.AUDIT));
        if (audit.isEmpty()) {
            throw new CodingRefused("re-code the encounter before completing the audit");
        }
        Set<String> agreed = new HashSet<>(original);
        agreed.retainAll(audit);
        AuditResult result = new AuditResult(agreed.size(), original.size() - agreed.size(), audit.size() - agreed.size());
        jdbc.sql("""
                INSERT INTO coding_audit (encounter_id, auditor, started_at, completed_at, agreed, original_only, audit_only)
                VALUES (:e, :a, now(), now(), :ag, :o, :au)""")
                .param("e", encounterId).param("a", user.getUsername()).param("ag", result.agreed())
                .param("o", result.originalOnly()).param("au", result.auditOnly()).update();
        queue.move(user, row, CodingStatus.AUDITED, "audit agreement " + result.agreed() + " of " + result.union()
                + " codes");
        access.record(user, AuditAction.UPDATE, AuditOutcome.SUCCESS, row.patientId(), encounterId.toString(),
                "coding audit completed: " + result);
        return result;
    }

    private static Set<String> keys(List<CodedLine> coded) {
        Set<String> keys = new HashSet<>();
        coded.forEach(l -> keys.add(l.kind() + ":" + l.code()));
        return keys;
    }

    /** Codes both coders chose, only the original coder chose, only the auditor chose. */
    public record AuditResult(int agreed, int originalOnly, int auditOnly) {
        public int union() {
            return agreed + originalOnly + auditOnly;
        }

        /** Agreed codes over all codes either coder chose (1.0 when they match exactly). */
        public double agreement() {
            return union() == 0 ? 1.0 : (double) agreed / union();
        }
    }
}
