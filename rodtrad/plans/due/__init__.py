"""When things fall due in the implementation plan, one module per rule (as rodtrad/clients/due/
for the register): the date worked out once, when an input changes, stored on the row, and the
conditions every reader filters that column with.

- yearly_review: a plan period's yearly review (PlanPeriod.review_due_on)
- goal_follow_up: a goal's next follow-up (Goal.follow_up_due_on)
- risk_assessment_review: a risk assessment's review (RiskAssessment.review_due_on)
- protective_measure_review: a protective measure's review (Risk.protective_review_due_on)"""
