-- The campaign's batches read a region's agreements in id order after a cursor (keyset paging, R-EVA-1):
-- without this index each batch scans and sorts the whole region, which makes a 100,000-agreement campaign
-- quadratic. With it a batch reads its 250 rows from the index in order.
CREATE INDEX ix_agreement_region_id ON agreement (region, id);
