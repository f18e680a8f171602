-- Copy-paste prints of each document version, computed once by the data-quality module (a version's
-- text never changes), so that scans compare notes without reading or hashing their bodies. Hashes are
-- big-endian 8-byte integers. Filled lazily for the newest version of each document by the first check
-- that reads it (its body read once then); derived from the note, so deleted with it (record
-- destruction follows the foreign keys).

-- what every scan reads, by the patient index like every table it reads: the number of words and the
-- winnowed fingerprints (sorted); small rows, many to a page
CREATE TABLE quality_note_prints (
    document_id  uuid NOT NULL,
    version      int NOT NULL,
    patient_id   uuid NOT NULL,
    words        int NOT NULL CHECK (words >= 0),
    prints       bytea NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, version) ON DELETE CASCADE
);
CREATE INDEX quality_note_prints_patient ON quality_note_prints (patient_id);

-- the word-shingle hashes in text order, read by key only for notes sharing a fingerprint with another
-- note of the patient (the rule then measures the shared passage); kept apart, being ~8 bytes a word
CREATE TABLE quality_note_shingles (
    document_id  uuid NOT NULL,
    version      int NOT NULL,
    shingles     bytea NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES quality_note_prints (document_id, version) ON DELETE CASCADE
);
