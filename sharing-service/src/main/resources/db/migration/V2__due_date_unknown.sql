-- R6: a forward whose deadline runs into a year the working-day calendar has no data for is still recorded and
-- sent; its due date stays empty and the forward is flagged until next year's arrangement is loaded.
ALTER TABLE forward ALTER COLUMN due_date DROP NOT NULL;
