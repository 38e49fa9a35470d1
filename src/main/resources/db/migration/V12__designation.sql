-- Designation applications refused at the eligibility check (R-DES-1, R-VIO-9): the rule that refused the
-- application and the written refusal (Chinese), told to the institution. Portable SQL (H2, PostgreSQL).
ALTER TABLE designation_application ADD COLUMN refusal_rule VARCHAR(32);
ALTER TABLE designation_application ADD COLUMN refusal_reason VARCHAR(2000);
