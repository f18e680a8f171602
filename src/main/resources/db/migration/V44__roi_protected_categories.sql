-- The specially protected categories (sensitivity labels such as HIV or behavioural health) that a
-- release request's authorization specifically names: under a valid authorization, documents so
-- labelled may be released with it. 42 CFR Part 2 keeps its own consent (part2_consent).
ALTER TABLE roi_request ADD COLUMN auth_protected_categories text[] NOT NULL DEFAULT '{}';
