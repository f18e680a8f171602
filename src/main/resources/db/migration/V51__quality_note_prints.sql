-- Copy-paste fingerprints of each document version, computed once by the data-quality module (the
-- version's text never changes), so that scans compare notes without reading or hashing their bodies.
-- fingerprints: big-endian; an int count n, then n winnowed fingerprints (sorted), then the word-shingle
-- hashes in text order. Filled lazily by the first check that reads a version; derived from the note, so
-- deleted with it (record destruction follows this foreign key).
CREATE TABLE quality_note_prints (
    document_id  uuid NOT NULL,
    version      int NOT NULL,
    fingerprints bytea NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, version) ON DELETE CASCADE
);
