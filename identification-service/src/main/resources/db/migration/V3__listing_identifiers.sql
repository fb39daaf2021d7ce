-- R3: optional identifiers of organisations (组织机构代码, LEI), the 备注 column, and warnings such as an early
-- pilot USCC accepted because the department verified it.
ALTER TABLE listing
    ADD COLUMN organisation_code TEXT,
    ADD COLUMN lei               TEXT,
    ADD COLUMN note              TEXT,
    ADD COLUMN warnings          TEXT;

-- R3: the legal representative's ID number (Huangshi annex 1); never shown or published.
ALTER TABLE listing ADD COLUMN legal_representative_id_number TEXT;
