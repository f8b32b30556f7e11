"""The daily reminder e-mail: what is due for each user, sent at most once a day.

E-mail is not a safe place for client records, so a reminder names no client: it says how many
items of each kind are due, and links to Rödtråd, where reading them is access-controlled and
logged. A staff member gets their to-do; a manager also gets the dashboard's counts for all
their units and whether the audit log has been reviewed this month."""

import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rodtrad.accounts.models import User

from . import dashboard, todo
from .models import ReminderSent
from .rules import units_without_log_review
from .scope import for_manager

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Line:
    text: str
    count: int
    url: str


@dataclass
class Outcome:
    sent: int = 0
    already_sent: int = 0
    nothing_due: int = 0
    failed: list[str] = field(default_factory=list)


def _absolute(path):
    return settings.RODTRAD_BASE_URL.rstrip("/") + path


def lines_for(user, *, today, now) -> list[Line]:
    lines = [
        Line(str(rule.label), count, _absolute(reverse("clients:my_clients")))
        for rule, count in todo.counts_for(user, today=today, now=now)
    ]
    scope = for_manager(user, today=today, now=now)
    if scope.units:
        for count in dashboard.counts(scope):
            if count.count:
                url = _absolute(reverse("oversight:rule_list", args=[count.rule.key]))
                lines.append(Line(_("%(rule)s (your units)") % {"rule": count.rule.label}, count.count, url))
        not_reviewed = units_without_log_review(scope).count()
        if not_reviewed:
            text = ngettext(
                "Unit whose audit log has not been reviewed this month",
                "Units whose audit log has not been reviewed this month",
                not_reviewed,
            )
            lines.append(Line(text, not_reviewed, _absolute(reverse("oversight:dashboard") + "#log-heading")))
    return lines


def message_for(user, lines) -> tuple[str, str]:
    total = sum(line.count for line in lines)
    subject = ngettext("Rödtråd: %(count)s thing to do", "Rödtråd: %(count)s things to do", total) % {"count": total}
    body = [
        _("Hello %(name)s,") % {"name": user.get_full_name() or user.username},
        "",
        _("This is due in Rödtråd today. Sign in to see which clients it concerns:"),
        "",
    ]
    body += [f"- {line.text}: {line.count}\n  {line.url}" for line in lines]
    body += ["", _("This message names no clients on purpose. It is sent at most once a day.")]
    return subject, "\n".join(body)


def recipients():
    """Active users with an e-mail address who work in a unit."""
    return User.objects.filter(is_active=True, memberships__isnull=False).exclude(email="").distinct().order_by("pk")


def send_reminders(*, today=None, now=None) -> Outcome:
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    outcome = Outcome()
    already = set(ReminderSent.objects.filter(sent_on=today).values_list("user_id", flat=True))
    for user in recipients():
        if user.pk in already:
            outcome.already_sent += 1
            continue
        lines = lines_for(user, today=today, now=now)
        if not lines:
            outcome.nothing_due += 1
            continue
        subject, body = message_for(user, lines)
        try:
            # The row first: a second run, even one running at the same moment, finds it (or
            # fails on the unique constraint) and sends nothing. If the e-mail cannot be sent,
            # the row is rolled back and the next run tries again.
            with transaction.atomic():
                ReminderSent.objects.create(
                    user=user, sent_on=today, sent_at=now, item_count=sum(line.count for line in lines)
                )
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            outcome.already_sent += 1
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Reminder to user %s not sent: %s", user.pk, error)
            outcome.failed.append(user.username)
        else:
            outcome.sent += 1
    return outcome
