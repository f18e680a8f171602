package org.custodian.scanning;

import java.nio.file.Path;

/** A stored file to send to a browser: where it is, what it is, and the name to offer. */
public record ScanFile(Path path, String mediaType, String downloadName) {
}
