"""What a check returns: one `Finding` per place in the text that breaks a writing rule, or, for
the routine's finer rules, a gentle hint."""

from dataclasses import asdict, dataclass

JOURNAL_CODES = ("value_laden", "medical_detail", "other_client", "unmarked_interpretation", "vague")
GOAL_CODES = ("goal_not_specific", "goal_not_measurable", "goal_no_timeframe")
# The plan's own text (plan items, the life story): the journal's rules except `vague`, which is
# about events, not about how the client wants their support.
PLAN_CODES = ("value_laden", "medical_detail", "other_client", "unmarked_interpretation")
CODES = JOURNAL_CODES + GOAL_CODES
# Gentle hints: the routine's finer rules ("skriv korta meningar", "skriv om en sak i taget",
# "använd vanliga ord"). They are only returned when asked for, and never block anything.
HINT_CODES = ("long_sentence", "several_events", "clinical_jargon")


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule broken at text[start:end] (Python str indices into the text that was checked).

    `message` says in one short Swedish sentence what was found and why it matters; `suggestion`
    what to write instead, or None; `rewrite`, when one can be offered, is text that can replace
    text[start:end] as it stands ("sa nej till", "en annan boende"), or None.
    """

    code: str
    start: int
    end: int
    message: str
    suggestion: str | None = None
    rewrite: str | None = None

    def __post_init__(self):
        if self.code not in CODES and self.code not in HINT_CODES:
            raise ValueError(f"unknown finding code: {self.code!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span: {self.start}..{self.end}")

    @property
    def is_hint(self) -> bool:
        return self.code in HINT_CODES

    def to_dict(self) -> dict:
        return asdict(self)
