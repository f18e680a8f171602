-- Data quality gaps (issue 6): one practitioner link per account: app_user.practitioner_id (used by the access policy,
-- transcription and coding) is the source of truth; quality's own table goes. Accounts linked only
-- in quality keep that link; where both name a practitioner, the account's own link wins (it is the
-- one the access policy already enforced). Links to accounts that do not exist are dropped.
UPDATE app_user u SET practitioner_id = q.practitioner_id
  FROM quality_physician_account q
 WHERE q.username = u.username AND u.practitioner_id IS NULL;
DROP TABLE quality_physician_account;
