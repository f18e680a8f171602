-- Copy-paste prints of each document version, computed once by the data-quality module (a version's
-- text never changes), so that scans compare notes without reading or hashing their bodies: the number
-- of words, the winnowed fingerprints (sorted) and the word-shingle hashes in text order, each hash a
-- big-endian 8-byte integer. A scan reads words and fingerprints, and the shingles only of notes sharing
-- a fingerprint with another note of the patient. Filled lazily by the first check that reads a version;
-- derived from the note, so deleted with it (record destruction follows this foreign key).
CREATE TABLE quality_note_prints (
    document_id  uuid NOT NULL,
    version      int NOT NULL,
    words        int NOT NULL CHECK (words >= 0),
    prints       bytea NOT NULL,
    shingles     bytea NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, version) ON DELETE CASCADE
);
