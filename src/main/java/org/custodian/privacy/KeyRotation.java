package org.custodian.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the identifier key: every sealed SSN (and its lookup digest) and every sealed TOTP secret
 * is opened with the current key and sealed again under a fresh one, in one transaction with its
 * audit event. The new key is written beside the old one first ({@code identifier.key.next}); only
 * after the commit does it replace the old key, which is kept, owner-only, under {@code keys/retired/}
 * so backups taken before the rotation still open. A rotation cut short is finished by running it again.
 */
@Service
public class KeyRotation {
    private static final int BATCH = 1000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Path dataDirectory;

    KeyRotation(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit,
                @Value("${custodian.data-directory:custodian-data}") Path dataDirectory) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.dataDirectory = dataDirectory;
    }

    /** Reports how far the re-sealing has got. */
    public interface Progress {
        void sealed(long done, long total);
    }

    /** What a rotation did. */
    public record Outcome(long identifiers, long secrets, Path retiredKey, boolean finishedInterrupted) {
    }

    public long countSealed() {
        return jdbc.sql("SELECT (SELECT count(*) FROM patient WHERE ssn_encrypted IS NOT NULL) "
                + "+ (SELECT count(*) FROM user_mfa)").query(Long.class).single();
    }

    public Outcome rotate(String actor, Progress progress) {
        if (System.getenv(IdentifierKey.VARIABLE) != null && !System.getenv(IdentifierKey.VARIABLE).isBlank()) {
            throw new IllegalStateException("the identifier key comes from " + IdentifierKey.VARIABLE
                    + "; rotate it where that variable is kept, not in " + dataDirectory);
        }
        Path current = IdentifierKey.file(dataDirectory);
        Path next = current.resolveSibling("identifier.key.next");
        try {
            AesGcmIdentifierCipher oldCipher = new AesGcmIdentifierCipher(IdentifierKey.read(current));
            if (Files.exists(next)) {
                IdentifierKey pending = IdentifierKey.read(next);
                if (opensSample(new AesGcmIdentifierCipher(pending))) {
                    return new Outcome(0, 0, retire(current, next), true);
                }
                Files.delete(next);
            }
            IdentifierKey fresh = IdentifierKey.random();
            fresh.writeTo(next);
            AesGcmIdentifierCipher newCipher = new AesGcmIdentifierCipher(fresh);
            long total = countSealed();
            long[] counts = tx.execute(status -> reseal(oldCipher, newCipher, total, progress, actor));
            return new Outcome(counts[0], counts[1], retire(current, next), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the keys in " + current.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    private long[] reseal(AesGcmIdentifierCipher from, AesGcmIdentifierCipher to, long total, Progress progress,
                          String actor) {
        long done = 0;
        long identifiers = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<SealedRow> rows = jdbc.sql("""
                    SELECT id, ssn_encrypted FROM patient WHERE ssn_encrypted IS NOT NULL AND id > :after
                     ORDER BY id LIMIT :n FOR UPDATE""").param("after", after).param("n", BATCH)
                    .query((rs, i) -> new SealedRow(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
            if (rows.isEmpty()) {
                break;
            }
            for (SealedRow row : rows) {
                String clear = from.decrypt(row.sealed());
                jdbc.sql("UPDATE patient SET ssn_encrypted = :s, ssn_digest = :d WHERE id = :id")
                        .param("s", to.encrypt(clear)).param("d", to.digest(clear)).param("id", row.id()).update();
            }
            identifiers += rows.size();
            done += rows.size();
            after = rows.getLast().id();
            progress.sealed(done, total);
        }
        List<SealedRow> secrets = jdbc.sql("SELECT user_id, secret_sealed FROM user_mfa FOR UPDATE")
                .query((rs, i) -> new SealedRow(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
        for (SealedRow row : secrets) {
            jdbc.sql("UPDATE user_mfa SET secret_sealed = :s WHERE user_id = :id")
                    .param("s", to.encrypt(from.decrypt(row.sealed()))).param("id", row.id()).update();
        }
        done += secrets.size();
        progress.sealed(done, total);
        audit.record(new AuditEntry(actor, "", AuditAction.KEY_ROTATION, AuditOutcome.SUCCESS, null, "IdentifierKey",
                null, "identifier key rotated: " + identifiers + " identifiers and " + secrets.size()
                + " authenticator secrets sealed again", RequestOrigin.clientAddress()));
        return new long[] {identifiers, secrets.size()};
    }

    /** Whether a sealed value in the database opens with this key (none sealed: nothing to tell, so no). */
    private boolean opensSample(AesGcmIdentifierCipher cipher) {
        List<byte[]> sample = jdbc.sql("SELECT ssn_encrypted FROM patient WHERE ssn_encrypted IS NOT NULL LIMIT 1")
                .query(byte[].class).list();
        if (sample.isEmpty()) {
            return false;
        }
        try {
            cipher.decrypt(sample.getFirst());
            return true;
        } catch (IllegalStateException wrongKey) {
            return false;
        }
    }

    private Path retire(Path current, Path next) throws IOException {
        Path retired = current.resolveSibling("retired").resolve("identifier-" + STAMP.format(Instant.now()) + ".key");
        Files.createDirectories(retired.getParent());
        Files.copy(current, retired, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(next, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return retired;
    }

    private record SealedRow(UUID id, byte[] sealed) {
    }
}
