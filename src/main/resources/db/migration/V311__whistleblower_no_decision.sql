-- A founded report whose violation case ended without a decision taking effect (the objection revoked it, the case
-- closed otherwise) is closed with status NO_DECISION, no reward (docs/whistleblower.md; R-VIO-15).
ALTER TABLE whistleblower_report DROP CONSTRAINT ck_whistleblower_report_status;
ALTER TABLE whistleblower_report ADD CONSTRAINT ck_whistleblower_report_status CHECK (status IN ('RECEIVED',
    'VERIFYING', 'FOUNDED', 'UNFOUNDED', 'REWARD_PENDING', 'REWARD_APPROVED', 'REWARDED', 'CLOSED', 'NO_DECISION'));
