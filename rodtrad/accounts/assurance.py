"""Levels of assurance: how sure a sign-in is of who signed in, as a number a unit can require.

The levels follow the Swedish framework for electronic identification (DIGG's tillitsnivåer,
which Sambi and Sweden Connect assert as `http://id.elegnamnden.se/loa/1.0/loaN`): 2 and 3 are
the levels a municipality asks of staff reaching social documentation, 3 is strong
e-identification (SITHS eID, EFOS, Freja OrgID). A local account cannot show identity proofing,
so a password is level 1 and a password with a second factor level 2, never more."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    NONE = 0, _("No particular requirement")
    PASSWORD = 1, _("Level 1 (password)")
    TWO_FACTOR = 2, _("Level 2 (two factors or e-identification at level 2)")
    STRONG = 3, _("Level 3 (e-identification: SITHS eID, EFOS, Freja OrgID)")
    HIGHEST = 4, _("Level 4")


# What the choices of a unit's minimum are: level 1 is what every sign-in reaches.
MINIMUM_CHOICES = [choice for choice in Level.choices if choice[0] != Level.PASSWORD]

# Authentication context URIs of the Swedish framework and eIDAS, as IdPs assert them.
KNOWN = {
    "http://id.elegnamnden.se/loa/1.0/loa2": Level.TWO_FACTOR,
    "http://id.elegnamnden.se/loa/1.0/loa3": Level.STRONG,
    "http://id.elegnamnden.se/loa/1.0/loa4": Level.HIGHEST,
    "http://id.elegnamnden.se/loa/1.0/uncertified-loa3": Level.STRONG,
    "http://id.swedenconnect.se/loa/1.0/uncertified-loa2": Level.TWO_FACTOR,
    "http://id.swedenconnect.se/loa/1.0/uncertified-loa3": Level.STRONG,
    "http://id.elegnamnden.se/loa/1.0/eidas-sub": Level.TWO_FACTOR,
    "http://id.elegnamnden.se/loa/1.0/eidas-nf-sub": Level.TWO_FACTOR,
    "http://id.elegnamnden.se/loa/1.0/eidas-high": Level.HIGHEST,
    "http://id.elegnamnden.se/loa/1.0/eidas-nf-high": Level.HIGHEST,
    "http://eidas.europa.eu/LoA/substantial": Level.TWO_FACTOR,
    "http://eidas.europa.eu/LoA/high": Level.HIGHEST,
}


def configured_levels(text: str) -> dict[str, int]:
    """RODTRAD_ASSURANCE_LEVELS: "uri=3,other=2", for what an IdP asserts beyond the known URIs
    (Entra ID, for one, sends its own values)."""
    levels = {}
    for pair in text.split(","):
        name, _sep, value = pair.strip().rpartition("=")
        if name and value.isdigit():
            levels[name.strip()] = min(int(value), Level.HIGHEST)
    return levels


def level_of(asserted: str) -> int:
    """The level an identity provider's asserted assurance stands for: level 1 for one that
    asserted nothing this deployment knows."""
    levels = {**KNOWN, **configured_levels(settings.RODTRAD_ASSURANCE_LEVELS)}
    return int(levels.get((asserted or "").strip(), Level.PASSWORD))
