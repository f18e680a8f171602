-- Privacy gaps: administrator resets of two-step sign-in, and amendment notices to persons the
-- patient names (164.526(c)(3)(i)) beside earlier recipients of the document.

-- A reset of a user's two-step sign-in: until they enrol again they must, whatever their role.
CREATE TABLE mfa_reset (
    user_id      uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    reset_by     text NOT NULL,
    reason       text NOT NULL,
    reset_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE amendment_notice ADD COLUMN named_by_patient boolean NOT NULL DEFAULT false;
