"""When the journal owes something: the monthly note (monthly_note)."""
