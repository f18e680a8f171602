-- Real-time MPI lookup at a million patients: the family-sound branch of the candidate query now
-- also asks for the given initial (as the batch blocking key does), so it reads dozens of rows, not
-- the thousand-odd sharing a common name's sound in a birth year. This index replaces V29's.
CREATE INDEX patient_family_metaphone_initial_birth ON patient (dmetaphone(family), upper(left(given, 1)), birth_date);
DROP INDEX IF EXISTS patient_family_metaphone_birth;
