-- 举报奖励通知书 is addressed by the receipt code, never by the reporter's name (R-VIO-15): the code itself is stored
-- only as its hash, so the last 4 of its 20 characters are kept to address the notice ("受理回执码尾号 XXXX"); the
-- 16 characters (80 bits) left still make the code unguessable. Reports received before have none (NULL).
ALTER TABLE whistleblower_report ADD COLUMN receipt_tail VARCHAR(4);
