-- R16: the credit office reviews the check register by period, by agency and period, or by subject and period
-- (GET /api/sanction/credit-check-register). Agency and subject have their (…, checked_at) B-trees from V11; a period
-- alone gets a BRIN index: entries are appended in time order, so block ranges follow checked_at, and a BRIN index
-- costs the register insert on the credit check's hot path next to nothing (a B-tree would add a page write per
-- check).
CREATE INDEX credit_check_register_checked_at ON credit_check_register USING brin (checked_at);
