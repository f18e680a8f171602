package org.custodian.scanning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One scanned file as received (content hash, size, pages, kind) and where it is filed now. The
 * file itself is under the data folder, named by {@link #sha256()}.
 */
public record Scan(UUID id, String sha256, long sizeBytes, ScanMediaType mediaType, int pages, String originalName,
                   UUID facilityId, String uploadedBy, Instant uploadedAt, ScanStatus status, Filing filing,
                   String indexedBy, Instant indexedAt, Flag flag) {
    public Scan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if ((status == ScanStatus.UNINDEXED) != (filing == null)) {
            throw new IllegalArgumentException("scan " + id + " is " + status + (filing == null ? " without" : " with")
                    + " a filing");
        }
    }

    public Optional<UUID> patientId() {
        return Optional.ofNullable(filing).map(Filing::patientId);
    }

    /** A QA reviewer's flag: what is wrong, in their words, by whom and when. */
    public record Flag(FlagReason reason, String comment, String by, Instant at) {
    }
}
