-- The cause of an agreement's current state is a column (issue 14): the annual evaluation asked the audit text
-- (details LIKE 'cause=ON_REQUEST,%') whether a suspension was on request (R-EVA-5). Backfilled once from the last
-- transition's audit row; every transition writes it from now on.
ALTER TABLE agreement ADD COLUMN state_cause VARCHAR(40);
UPDATE agreement SET state_cause = 'ON_REQUEST'
 WHERE state = 'SUSPENDED' AND EXISTS (
   SELECT 1 FROM audit_log l
    WHERE l.entity_type = 'AGREEMENT' AND l.entity_id = CAST(agreement.id AS VARCHAR(20))
      AND l.action = 'TRANSITION' AND l.details LIKE 'cause=ON_REQUEST,%'
      AND l.id = (SELECT MAX(m.id) FROM audit_log m WHERE m.entity_type = 'AGREEMENT'
                   AND m.entity_id = CAST(agreement.id AS VARCHAR(20)) AND m.action = 'TRANSITION'));
