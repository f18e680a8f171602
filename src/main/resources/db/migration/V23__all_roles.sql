-- The transcription (V15) and training (V18) migrations each re-created the role checks with their
-- own new roles; V18 ran last and left TRANSCRIPTIONIST out. One list with every role in Role.java.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER', 'ROI_SPECIALIST',
    'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRAINEE', 'TRAINER', 'TRANSCRIPTIONIST'));
ALTER TABLE mfa_required_role DROP CONSTRAINT mfa_required_role_role_check;
ALTER TABLE mfa_required_role ADD CONSTRAINT mfa_required_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER',
    'ROI_SPECIALIST', 'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRAINEE', 'TRAINER', 'TRANSCRIPTIONIST'));
