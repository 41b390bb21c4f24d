"""Five-field cron expressions (minute hour day-of-month month day-of-week, UTC), as the
workflows' schedule trigger takes them: parsed, matched against a minute, and refused when
they can never fire (`0 0 30 2 *`)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

_BOUNDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_NAMES = ("minute", "hour", "day of month", "month", "day of week")


class CronError(ValueError):
    pass


def _number(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also takes superscripts ("²") that `int` refuses."""
    return text.isascii() and text.isdigit()


@dataclass(frozen=True)
class Cron:
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday
    any_day: bool
    any_weekday: bool

    def matches(self, at: dt.datetime) -> bool:
        if at.minute not in self.minutes or at.hour not in self.hours or \
                at.month not in self.months:
            return False
        dom = at.day in self.days
        dow = (at.isoweekday() % 7) in self.weekdays
        # Cron's own rule: with both restricted, either one fires.
        if self.any_day and self.any_weekday:
            return True
        if self.any_day:
            return dow
        if self.any_weekday:
            return dom
        return dom or dow

    def ever_fires(self) -> bool:
        if not self.any_weekday and not self.any_day:
            return True  # some weekday of some allowed month always comes
        if not self.any_weekday:
            return True
        # Leap years included: 29 February does come.
        return any(d <= calendar.monthrange(2024, m)[1] for m in self.months for d in self.days)


def _part(text: str, low: int, high: int, name: str) -> set[int]:
    out: set[int] = set()
    for item in text.split(","):
        step = 1
        if "/" in item:
            item, _, step_text = item.partition("/")
            if not _number(step_text) or int(step_text) < 1:
                raise CronError(f"Bad step in the {name} field")
            step = int(step_text)
        if item == "*":
            start, end = low, high
        elif "-" in item:
            a, _, b = item.partition("-")
            if not (_number(a) and _number(b)):
                raise CronError(f"Bad range in the {name} field")
            start, end = int(a), int(b)
        elif _number(item):
            start = end = int(item)
            if step != 1:
                end = high
        else:
            raise CronError(f"Bad value {item!r} in the {name} field")
        if start < low or end > high or start > end:
            raise CronError(f"The {name} field must lie within {low}-{high}")
        out.update(range(start, end + 1, step))
    return out


def parse(expression: str) -> Cron:
    parts = (expression or "").split()
    if len(parts) != 5:
        raise CronError("A schedule has five fields: minute hour day month weekday")
    sets = [_part(p, lo, hi, n) for p, (lo, hi), n in zip(parts, _BOUNDS, _NAMES, strict=True)]
    weekdays = frozenset(d % 7 for d in sets[4])
    return Cron(frozenset(sets[0]), frozenset(sets[1]), frozenset(sets[2]), frozenset(sets[3]),
                weekdays, any_day=parts[2] == "*", any_weekday=parts[4] == "*")
