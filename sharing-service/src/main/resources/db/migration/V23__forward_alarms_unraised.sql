-- R6, issue 9: the deadline watch picks, earliest deadline first, pending forwards whose overdue (or at-risk) alarm is
-- not raised yet. With forward_pending_due it walked, or read and sorted, every pending forward whose alarm was already
-- raised (an outage's backlog) on each round, even with nothing left to raise; these hold only the forwards still to
-- alarm, so a round reads what it raises. Their predicates name the raised_at columns, so an alarm's update is never
-- HOT; it seldom was (the rows fill their pages when recorded, and a forward's other updates change indexed columns).
CREATE INDEX forward_overdue_unraised ON forward (due_date, created_at)
    WHERE state = 'PENDING' AND overdue_raised_at IS NULL;
CREATE INDEX forward_at_risk_unraised ON forward (due_date, created_at)
    WHERE state = 'PENDING' AND at_risk_raised_at IS NULL;
