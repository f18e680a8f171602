package org.custodian.scanning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scanned files under {@code <data>/files/scanned/}, each named by its SHA-256 ({@code ab/abcdef…}),
 * so a name from outside never becomes a path and the same paper stored twice takes the space once.
 * Files arrive in {@code incoming/} and are moved into place whole; refused files go to {@code rejected/}.
 */
@Component
class ScanStore {
    private final Path root;

    ScanStore(@Value("${custodian.data-directory:custodian-data}") Path dataDirectory) {
        this.root = dataDirectory.toAbsolutePath().normalize().resolve("files").resolve("scanned");
    }

    /** A file being received: where it is, how much came, its hash and its first bytes. */
    record Received(Path file, long size, String sha256, byte[] head, boolean tooLarge) {
    }

    /**
     * Copies the stream to a file in {@code incoming/}, hashing and counting as it goes, and stops
     * reading once it is past {@code maxBytes} (the file is then deleted and reported too large).
     */
    Received receive(InputStream in, long maxBytes) {
        try {
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            Path file = Files.createTempFile(incoming, "scan-", ".part");
            MessageDigest sha = sha256();
            byte[] head = new byte[ScanMediaType.HEAD];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > maxBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        return new Received(null, size, null, new byte[0], true);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Received(file, size, HexFormat.of().formatHex(sha.digest()),
                    java.util.Arrays.copyOf(head, headLength), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a scanned file under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Moves a received file to its place by hash; a file with the same content already there is kept. */
    Path keep(Received received) {
        return moveTo(received, path(received.sha256()));
    }

    /** Keeps a refused file as received, for whoever reviews the rejected list. */
    void keepRejected(Received received) {
        moveTo(received, root.resolve("rejected").resolve(received.sha256()));
    }

    void discard(Received received) {
        try {
            if (received.file() != null) {
                Files.deleteIfExists(received.file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    Path previewPath(String sha256, int width) {
        return root.resolve("previews").resolve(sha256 + "-" + width + ".png");
    }

    private static Path moveTo(Received received, Path target) {
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(received.file());
            } else {
                Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a scanned file at " + target + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
