"""When things fall due in the client register, one module per rule.

Each module holds its rule once: the date it falls due, worked out in Python when an input
changes and stored on the row (as healthchecks stores `Check.alert_after`), and the conditions
every reader filters that column with — the client overview, Att göra, the dashboard and its
lists, the reminders. The services that change an input call the module; nothing else writes
the column.

- first_plan: an order's first implementation plan (Order.first_plan_due_on)
- file_to_authority: the file sent to the authority after an order ended (Order.file_due_on)
- consent_review: a consent's yearly review, and its review with a new plan period
  (Consent.last_seen_on, Consent.review_due_on)

The plan's rules are in rodtrad/plans/due/, the monthly note in rodtrad/journal/due/."""
