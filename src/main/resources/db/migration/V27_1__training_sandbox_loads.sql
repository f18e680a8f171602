-- Loads of synthetic patients into the training sandbox started from the browser: each runs in the
-- background and its progress is kept here, so any page (or node) can show it. One runs at a time.
CREATE TABLE training_sandbox_load (
    id              uuid PRIMARY KEY,
    requested_by    text NOT NULL,
    patients        integer NOT NULL CHECK (patients BETWEEN 1 AND 1000),
    seed            bigint NOT NULL,
    status          text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    phase           text NOT NULL,
    done            bigint NOT NULL,
    total           bigint NOT NULL,
    loaded          integer,
    already_loaded  integer,
    rejected        integer,
    problem         text,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE UNIQUE INDEX training_sandbox_load_one_running ON training_sandbox_load ((true)) WHERE status = 'RUNNING';
