-- Training: a sandbox facility of synthetic patients (facility.type = 'TRAINING', already allowed by
-- V1), graded coding exercises in sets, trainees' attempts and walkthrough progress. Trainees' users
-- are scoped to the sandbox (privacy loads only TRAINING facilities for the TRAINEE role).

-- The TRAINEE and TRAINER roles join the role lists.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER', 'ROI_SPECIALIST',
    'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRAINEE', 'TRAINER'));
ALTER TABLE mfa_required_role DROP CONSTRAINT mfa_required_role_role_check;
ALTER TABLE mfa_required_role ADD CONSTRAINT mfa_required_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER',
    'ROI_SPECIALIST', 'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRAINEE', 'TRAINER'));

-- A set of exercises on one topic at one difficulty, built by a trainer.
CREATE TABLE training_set (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    topic       text NOT NULL,
    difficulty  text NOT NULL CHECK (difficulty IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL
);

-- An exercise: a synthetic sandbox encounter to code. Each trainee codes a copy of it (an attempt).
CREATE TABLE training_exercise (
    id                  uuid PRIMARY KEY,
    set_id              uuid NOT NULL REFERENCES training_set (id),
    source_encounter_id uuid NOT NULL REFERENCES encounter (id),
    title               text NOT NULL,
    position            int NOT NULL,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    UNIQUE (set_id, position)
);

-- The answer key: diagnoses (sequenced, principal first, with POA) and procedures.
CREATE TABLE training_key_line (
    exercise_id  uuid NOT NULL REFERENCES training_exercise (id),
    position     int NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('DIAGNOSIS', 'PROCEDURE')),
    code         text NOT NULL,
    description  text NOT NULL,
    principal    boolean NOT NULL DEFAULT false,
    poa          text CHECK (poa IN ('Y', 'N', 'U', 'W', 'EXEMPT')),
    PRIMARY KEY (exercise_id, position)
);

CREATE TABLE training_assignment (
    set_id       uuid NOT NULL REFERENCES training_set (id),
    trainee      text NOT NULL,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL,
    PRIMARY KEY (set_id, trainee)
);

-- One trainee's work on one exercise: the copy of the encounter they code, then the grade.
CREATE TABLE training_attempt (
    id            uuid PRIMARY KEY,
    exercise_id   uuid NOT NULL REFERENCES training_exercise (id),
    trainee       text NOT NULL,
    encounter_id  uuid NOT NULL UNIQUE REFERENCES encounter (id),
    started_at    timestamptz NOT NULL,
    graded_at     timestamptz,
    score         int,
    max_score     int,
    UNIQUE (exercise_id, trainee)
);

-- Each difference the grader found (or each match), with its plain-language explanation.
CREATE TABLE training_finding (
    attempt_id   uuid NOT NULL REFERENCES training_attempt (id),
    position     int NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('EXACT', 'CATEGORY', 'MISSING', 'EXTRA', 'SEQUENCING', 'POA')),
    code_kind    text NOT NULL CHECK (code_kind IN ('DIAGNOSIS', 'PROCEDURE')),
    expected     text,
    given        text,
    points       int NOT NULL,
    explanation  text NOT NULL,
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX training_finding_kind ON training_finding (kind, expected, given);

-- Steps of the guided walkthroughs a trainee has done.
CREATE TABLE training_walkthrough_step (
    trainee      text NOT NULL,
    walkthrough  text NOT NULL,
    step         int NOT NULL,
    done_at      timestamptz NOT NULL,
    PRIMARY KEY (trainee, walkthrough, step)
);
