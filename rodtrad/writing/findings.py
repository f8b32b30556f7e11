"""What a check returns: one `Finding` per place in the text that breaks a writing rule."""

from dataclasses import asdict, dataclass

JOURNAL_CODES = ("value_laden", "medical_detail", "other_client", "unmarked_interpretation", "vague")
GOAL_CODES = ("goal_not_specific", "goal_not_measurable", "goal_no_timeframe")
CODES = JOURNAL_CODES + GOAL_CODES


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule broken at text[start:end] (Python str indices into the text that was checked).

    `message` says what was found, in Swedish; `suggestion` what to write instead, or None.
    """

    code: str
    start: int
    end: int
    message: str
    suggestion: str | None = None

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown finding code: {self.code!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span: {self.start}..{self.end}")

    def to_dict(self) -> dict:
        return asdict(self)
