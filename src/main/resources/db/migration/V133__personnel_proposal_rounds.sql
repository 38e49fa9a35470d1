-- R-PERS-10: a supervisor who chose "no measure" gets a new proposal when the share rises again in the same year:
-- proposals of an institution and year are numbered; a new round only when every earlier one was NONE with fewer
-- affected personnel. An institution suspended for the share gets an end: suspended_until (the region's
-- personnel-institution-suspension months), after which its agreement resumes by itself.
ALTER TABLE institution_personnel_proposal DROP CONSTRAINT uq_institution_personnel_proposal;
ALTER TABLE institution_personnel_proposal ADD COLUMN proposal_round INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE institution_personnel_proposal ADD COLUMN suspended_until DATE;
ALTER TABLE institution_personnel_proposal ADD COLUMN resumed_on DATE;
ALTER TABLE institution_personnel_proposal ADD CONSTRAINT uq_institution_personnel_proposal
    UNIQUE (institution_id, points_year, proposal_round);
