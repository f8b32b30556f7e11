"""The counts the managers' dashboard and the reminders show: one query per rule."""

from dataclasses import dataclass

from .rules import Rule, rules_for


@dataclass(frozen=True)
class Count:
    rule: Rule
    count: int


@dataclass(frozen=True)
class Group:
    title: str
    counts: list[Count]

    @property
    def total(self):
        return sum(count.count for count in self.counts)


def counts(scope) -> list[Count]:
    return [Count(rule, rule.objects(scope).count()) for rule in rules_for(scope)]


def grouped(all_counts: list[Count]) -> list[Group]:
    groups: dict[str, list[Count]] = {}
    for count in all_counts:
        groups.setdefault(str(count.rule.group), []).append(count)
    return [Group(title, group) for title, group in groups.items()]
