-- R-DES-3 (issue 15, item 6): a complaint during the public notice arrives by phone, letter, visit or another
-- system; the caseworker records how it came and the day it was received (Beijing date), which must fall within
-- the notice. Rows from before have neither: channel NULL means "not recorded", received_on falls back to the
-- day of received_at.
ALTER TABLE public_notice_complaint ADD COLUMN channel VARCHAR(16);
ALTER TABLE public_notice_complaint ADD COLUMN received_on DATE;
ALTER TABLE public_notice_complaint ADD CONSTRAINT ck_public_notice_complaint_channel
    CHECK (channel IS NULL OR channel IN ('PHONE', 'LETTER', 'VISIT', 'EMAIL', 'SYSTEM'));
