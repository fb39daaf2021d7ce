-- R12 (000 §5(三)): a credit repair's approval step overdue (the department's opinion, the credit office's review):
-- one row per repair and step, so the alarm is raised once whatever the number of instances.
CREATE TABLE credit_repair_alarm (
    repair_id  UUID        NOT NULL REFERENCES credit_repair (id),
    step       TEXT        NOT NULL CHECK (step IN ('OPINION', 'REVIEW')),
    alarm      TEXT        NOT NULL CHECK (alarm IN ('OVERDUE')),
    due_date   DATE        NOT NULL,
    raised_on  DATE        NOT NULL,
    raised_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (repair_id, step, alarm)
);
CREATE INDEX credit_repair_opinion_due ON credit_repair (opinion_due) WHERE status = 'APPLIED';
CREATE INDEX credit_repair_review_due ON credit_repair (review_due) WHERE status = 'OPINION_GIVEN';
