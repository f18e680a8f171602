package org.custodian.retention;

/** Where a backup or restore reports how far it is (the command line draws a progress bar). */
public interface SnapshotProgress {
    SnapshotProgress SILENT = new SnapshotProgress() {
        @Override
        public void begin(String task, long units) {
        }

        @Override
        public void advance(long units, String detail) {
        }

        @Override
        public void end(String summary) {
        }
    };

    void begin(String task, long units);

    void advance(long units, String detail);

    void end(String summary);
}
