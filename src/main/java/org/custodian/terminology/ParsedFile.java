package org.custodian.terminology;

/** A terminology file read whole and checked: a code set release or an edit file. */
sealed interface ParsedFile permits ParsedRelease, ParsedEditFile {
    String sourceFile();

    String sha256();
}
