-- R8 (001 §11, 004 §5(三)): the monthly case report is due by the 18th or 20th; one reminder per report month.
-- The primary key makes the reminder job safe with several instances: only one insert per month succeeds.
CREATE TABLE report_reminder (
    -- the month the report covers, yyyy-MM
    report_month TEXT        PRIMARY KEY CHECK (report_month ~ '^[0-9]{4}-[0-9]{2}$'),
    deadline     DATE        NOT NULL,
    reminded_on  DATE        NOT NULL,
    reminded_at  TIMESTAMPTZ NOT NULL
);
