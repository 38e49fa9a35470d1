-- The case file (supervision/, issue 16) reads a case's audit trail by case number and by its process instances,
-- and finds the objections and transfers about a case; the supervision page counts measures per class.
-- Portable SQL (H2 2.3, PostgreSQL 15).
CREATE INDEX ix_audit_log_entity_id ON audit_log (entity_id);
CREATE INDEX ix_audit_log_process ON audit_log (process_instance_id);
CREATE INDEX ix_objection_subject ON objection (subject_ref);
CREATE INDEX ix_referral_subject ON referral (subject_ref);
