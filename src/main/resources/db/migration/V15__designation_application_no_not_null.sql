-- Every application gets its number from CaseNumbers in the inserting statement (since session 1's clean-up);
-- the column stays nullable only from the old insert-then-update numbering. The business key is mandatory.
ALTER TABLE designation_application ALTER COLUMN application_no SET NOT NULL;
