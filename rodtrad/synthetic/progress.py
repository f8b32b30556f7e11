"""Progress lines while the loader runs: rows done, rate and time left, every few seconds."""

import time

EVERY_SECONDS = 3.0


class Progress:
    def __init__(self, write, phase: str, total: int | None = None):
        self.write, self.phase, self.total = write, phase, total
        self.done = 0
        self.started = self.shown = time.monotonic()

    def advance(self, rows: int) -> None:
        self.done += rows
        now = time.monotonic()
        if now - self.shown >= EVERY_SECONDS:
            self.shown = now
            self.write(self._line(now))

    def _line(self, now) -> str:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed else 0.0
        line = f"  {self.phase}: {self.done:,} rows, {rate:,.0f}/s"
        if self.total:
            left = (self.total - self.done) / rate if rate else 0.0
            line = f"  {self.phase}: {self.done:,}/{self.total:,} ({100 * self.done / self.total:.0f}%), {rate:,.0f}/s, ETA {left:,.0f} s"
        return line

    def finish(self, note: str = "") -> float:
        elapsed = time.monotonic() - self.started
        rows = f"{self.done:,} rows " if self.done else ""
        self.write(f"  {self.phase}: {rows}done in {elapsed:,.1f} s{note}")
        return elapsed


class Step:
    """One timed step without a row count (an index build): prints when it starts and ends."""

    def __init__(self, write, label: str):
        self.write, self.label = write, label

    def __enter__(self):
        self.started = time.monotonic()
        self.write(f"  {self.label} …")
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.write(f"  {self.label}: {time.monotonic() - self.started:,.1f} s")
        return False
