-- Paper arrivals recorded in Tasklist (issue 15 item 6): the day an objection or a transfer's feedback was
-- received, which may be before the day it was entered; null for filings through /api (received when filed).
ALTER TABLE objection_filing ADD COLUMN received_on DATE;
ALTER TABLE referral_feedback ADD COLUMN received_on DATE;
-- the receiving authority's document number (文书编号) on paper feedback
ALTER TABLE referral_feedback ADD COLUMN document_no VARCHAR(100);
