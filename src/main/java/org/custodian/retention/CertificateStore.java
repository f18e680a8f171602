package org.custodian.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Destruction certificates are stored files: DATA/files/retention/certificates/BATCH.pdf. */
@Component
class CertificateStore {
    private final Path files;

    CertificateStore(@Value("${custodian.data-directory:custodian-data}") Path dataDirectory) {
        this.files = dataDirectory.resolve("files");
    }

    /** Writes the certificate and returns its path relative to the files folder. */
    String save(UUID batchId, byte[] pdf) {
        String relative = "retention/certificates/" + batchId + ".pdf";
        Path target = files.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), batchId.toString(), ".part");
            Files.write(temporary, pdf);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the destruction certificate in " + target, e);
        }
        return relative;
    }

    byte[] read(String relative) {
        Path file = files.resolve(relative).normalize();
        if (!file.startsWith(files.normalize())) {
            throw new IllegalArgumentException("certificate path outside the files folder: " + relative);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the destruction certificate " + file + " cannot be read", e);
        }
    }
}
