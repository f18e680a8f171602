-- User administration: a password set by an administrator (a new account, a reset) is temporary and
-- must be changed by its owner at the next sign-in; when the owner last changed it is kept.
ALTER TABLE app_user ADD COLUMN password_must_change boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;
ALTER TABLE app_user ADD COLUMN disabled_reason text;
