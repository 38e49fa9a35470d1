-- R-PERS-1: a personnel agreement lasts 2 years and renews by itself unless a cancellation is recorded
-- [004 §三(二)]. cancelled_on = the day the institution recorded that the person leaves (or that it leaves);
-- the agreement runs to the end of its current term and is not renewed. renewed_count counts the automatic
-- renewals (audited one by one).
ALTER TABLE person_agreement ADD COLUMN cancelled_on DATE;
ALTER TABLE person_agreement ADD COLUMN cancel_reason VARCHAR(500);
ALTER TABLE person_agreement ADD COLUMN renewed_count INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX ix_person_agreement_renewal ON person_agreement (valid_until, state);
