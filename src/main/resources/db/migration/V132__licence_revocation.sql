-- R-VIO-3/4: a licence revoked after registration is recorded (when, why) and opens a violation case toward
-- termination; the case's source is the regulator's notice of the revocation.
ALTER TABLE institution_licence ADD COLUMN revoked_on DATE;
ALTER TABLE institution_licence ADD COLUMN revoked_reason VARCHAR(500);
ALTER TABLE violation_case DROP CONSTRAINT ck_violation_case_source;
ALTER TABLE violation_case ADD CONSTRAINT ck_violation_case_source CHECK (source IN ('COMPLAINT', 'SMART_MONITORING',
    'ROUTINE_INSPECTION', 'SPECIAL_INSPECTION', 'YEAR_END_INSPECTION', 'FLYING_INSPECTION', 'EXPENSE_REVIEW',
    'REGULATOR_NOTICE'));
