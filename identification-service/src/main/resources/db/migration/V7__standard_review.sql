-- R13: when a list type's recognition standard is revised, the confirmed listings made under an older version are
-- flagged; the recognising department keeps them or exits them (STANDARD_CHANGED) in bulk.
ALTER TABLE listing ADD COLUMN standard_review BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX listing_standard_review ON listing (list_type_code) WHERE standard_review;
