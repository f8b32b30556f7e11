"""The cases of the page benchmark, each one request as a signed-in user makes it, through the
whole middleware stack: session (saved on every request), CSRF, access check and audit event.

The subjects are the synthetic municipality's (rodtrad.synthetic.known): the heavy client with
the most journal entries, her contact person (support staff) and the manager of her unit; her
newest plan period and her newest established one."""

import datetime
from dataclasses import dataclass

from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from rodtrad.accounts.models import Membership, Unit
from rodtrad.clients.models import Client
from rodtrad.clients.services import is_closed
from rodtrad.journal import assistant, search
from rodtrad.journal.models import Category, Entry
from rodtrad.plans.models import PlanPeriod
from rodtrad.synthetic import known
from rodtrad.writing import check_journal, warm_up

from .measure import Case

# Invented, like every text of the project: an ordinary day written the way the routine asks,
# with a few things the assistant remarks on (an interpretation, a value-laden word).
WRITING_TEXT = (
    "Förmiddag: Vi gick tillsammans till affären för att handla till veckans matlagning. Han "
    "skrev själv inköpslistan med stöd av bildkorten och valde att betala med kortet. I kassan "
    "blev det kö och han sa att det var jobbigt när det piper. Vi ställde oss vid sidan en stund "
    "och sedan ville han fortsätta. Eftermiddag: Han lagade pasta med köttfärssås och bad om hjälp "
    "med att skära löken. Jag visade hur man håller kniven och han provade två gånger själv. Han "
    "verkade nöjd efteråt, men det är min tolkning; han sa själv att maten var god. Vid middagen "
    "var han lite orolig inför morgondagens tandläkarbesök. Vi pratade om vad som händer där och "
    "tittade på bilder från mottagningen. Han valde att ta med hörlurarna. Kvällen: Han var envis "
    "och ville inte duscha förrän efter sitt tv-program, och det fick han bestämma. Han tackade "
    "nej till kvällsfika. Uppföljning: att handla med inköpslista fungerar, fortsätt enligt "
    "genomförandeplanen. Inget att rapportera till sjuksköterskan i dag. Stödet fungerade bra."
)
if len(WRITING_TEXT) != 1000:
    raise ValueError(f"The writing check's text is {len(WRITING_TEXT)} characters, not 1,000.")
ENTRY_TEXT = (
    "Vi åkte buss till biblioteket. Hon betalade själv med busskortet och frågade personalen "
    "efter en bok om fåglar. Hon sa att hon vill åka dit igen nästa vecka."
)


class BenchError(Exception):
    """The data or an answer is not what a case needs: its figure would mean nothing."""


@dataclass
class Subjects:
    client: Client
    # Her signed entries, and how many of them the search word finds (the page shows 50).
    client_entries: int
    staff: object
    manager: object
    unit: object
    period: PlanPeriod
    established: PlanPeriod
    search_word: str
    search_hits: int


def find_subjects(search_word: str) -> Subjects:
    """The heavy client of the synthetic municipality, her contact person and her unit's manager."""
    try:
        client = known.heavy_client()
        users = known.sign_in_users()
    except (Client.DoesNotExist, KeyError):
        raise BenchError("The synthetic municipality's heavy client or its users are missing.") from None
    if is_closed(client):
        raise BenchError(f"The heavy client ({client.pk}) has no open order.")
    unit = (
        Unit.objects.filter(orders__client=client, orders__ended_on__isnull=True)
        .filter(memberships__user=users["manager"], memberships__role=Membership.Role.MANAGER)
        .order_by("pk")
        .first()
    )
    if unit is None:
        raise BenchError(f"{users['manager']} manages none of the heavy client's units.")
    periods = PlanPeriod.objects.filter(plan__client=client).order_by("-starts_on", "-pk")
    period = periods.first()
    established = periods.filter(status=PlanPeriod.Status.ESTABLISHED).first()
    if period is None or established is None:
        raise BenchError(f"The heavy client ({client.pk}) needs a plan period and an established one.")
    signed = Entry.objects.filter(client=client, signed_at__isnull=False)
    return Subjects(
        client=client,
        client_entries=signed.count(),
        staff=users["staff"],
        manager=users["manager"],
        unit=unit,
        period=period,
        established=established,
        search_word=search_word,
        search_hits=search.matching(signed, search_word).count(),
    )


class SignedIn:
    """A browser signed in as `user`, sending every request as over HTTPS behind the proxy."""

    def __init__(self, user=None):
        self.browser = Browser(enforce_csrf_checks=True)
        self.username = "anonymous"
        if user is not None:
            self.browser.force_login(user)
            self.username = user.username

    def get(self, url, *, expect=200, **params):
        return self._check(self.browser.get(url, params, secure=True), url, expect)

    def post(self, url, data, *, expect=302):
        token = self.browser.cookies["csrftoken"].value
        response = self.browser.post(
            url, {**data, "csrfmiddlewaretoken": token}, secure=True, headers={"referer": f"https://testserver{url}"}
        )
        return self._check(response, url, expect)

    @staticmethod
    def _check(response, url, expect):
        if response.status_code != expect:
            raise BenchError(f"{url} answered {response.status_code}, not {expect}.")
        return response


class EntryWrite:
    """Writing an entry the way the form does it: the draft is saved with "Review and sign"
    (untimed, before each repetition), then the request that signs it is the one measured."""

    def __init__(self, staff: SignedIn, client: Client):
        self.staff = staff
        self.new_url = reverse("journal:new", args=[client.pk])
        self.staff.get(self.new_url)  # the form page, which also sets the CSRF cookie
        self.sign_url = None

    def prepare(self):
        occurred = timezone.localtime() - datetime.timedelta(hours=1)
        fields = {
            "category": Category.EVENT,
            "occurred_at": occurred.strftime("%Y-%m-%dT%H:%M"),
            "text": ENTRY_TEXT,
            "action": "review",
        }
        self.sign_url = self.staff.post(self.new_url, fields)["Location"]
        if not self.sign_url.endswith("/signera/"):
            raise BenchError(f"Saving the draft led to {self.sign_url}, not to signing.")

    def run(self):
        signed = self.staff.post(self.sign_url, {})["Location"]
        if not self.sign_url.startswith(signed):
            raise BenchError(f"Signing led to {signed}, not to the signed entry.")


def cases(subjects: Subjects, *, reps: int, warmup: int) -> list[Case]:
    client, period = subjects.client, subjects.period
    anonymous, staff, manager = SignedIn(), SignedIn(subjects.staff), SignedIn(subjects.manager)
    pdf_url = reverse("documents:plan_final", args=[client.pk, subjects.established.pk])
    write = EntryWrite(staff, client)
    other_clients = assistant.other_client_names(client, subjects.staff)
    warm_up()

    def pdf():
        response = staff.get(pdf_url)
        if response["Content-Type"] != "application/pdf":
            raise BenchError(f"{pdf_url} answered {response['Content-Type']}.")

    def page(case, browser, name, *args, **params):
        url = reverse(name, args=args)
        query = "&".join(f"{key}={value}" for key, value in params.items())
        what = f"GET {url}{'?' + query if query else ''} as {browser.username}"
        return Case(case, lambda: browser.get(url, **params), reps=reps, warmup=warmup, what=what)

    def writing_check():
        check_journal(WRITING_TEXT, other_clients=other_clients, client_name=str(client))

    return [
        page("sign_in", anonymous, "accounts:login"),
        page("my_clients", staff, "clients:my_clients"),
        page("client_overview", staff, "clients:detail", client.pk),
        page("journal", staff, "journal:list", client.pk),
        page("journal_search", staff, "journal:list", client.pk, q=subjects.search_word),
        page("dashboard", manager, "oversight:dashboard", enhet=subjects.unit.pk),
        page("plan", staff, "plans:period", client.pk, period.pk),
        Case(
            "plan_pdf",
            pdf,
            reps=max(3, reps // 5),
            warmup=min(2, warmup),
            what=f"GET {pdf_url} as {staff.username} (the slutdokument of an established period)",
        ),
        Case(
            "entry_write",
            write.run,
            prepare=write.prepare,
            reps=reps,
            warmup=warmup,
            what=f"POST …/journal/<new draft>/signera/ as {staff.username}; the draft saved before, untimed",
        ),
        Case(
            "writing_check",
            writing_check,
            reps=reps * 10,
            warmup=warmup * 4,
            what=f"rodtrad.writing.check_journal on 1,000 characters with {len(other_clients)} other clients' names",
        ),
    ]
