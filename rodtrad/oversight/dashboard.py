"""The counts the managers' dashboard and the reminders show, grouped as the dashboard shows them."""

from dataclasses import dataclass

from .catalogue import Rule, rules_for
from .catalogue import counts as counted


@dataclass(frozen=True)
class Count:
    rule: Rule
    count: int


@dataclass(frozen=True)
class Group:
    title: str
    counts: list[Count]


def counts(scope) -> list[Count]:
    found = counted(scope)
    return [Count(rule, found[rule.key]) for rule in rules_for(scope)]


def grouped(all_counts: list[Count]) -> list[Group]:
    groups: dict[str, list[Count]] = {}
    for count in all_counts:
        groups.setdefault(str(count.rule.group), []).append(count)
    return [Group(title, group) for title, group in groups.items()]
