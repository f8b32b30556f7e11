"""Which listed word a token of text is, whatever its inflection ("lata", "vägrar", "ledsna").

The fast path is a table of forms built from the data files: each headword with the forms its
word class gives (lat: lata, latt, latare ...) and any forms written in the file. A token that is
not in the table is lemmatised with simplemma, and its lemma looked up in the table again.
simplemma loads a dictionary of about 120 MB on its first call (near a second), so it is imported
and called lazily, once per process; `warm_up()` in the package does it ahead of time.
Results are cached per token.
"""

import functools
from collections.abc import Iterable

_EMPTY: frozenset = frozenset()


Key = tuple[str, str]  # (lexicon, headword)


class FormTable:
    """Lower-case word form -> the (lexicon, headword) pairs it is a form of."""

    def __init__(self, prefixes: Iterable[str] = ()):
        self._forms: dict[str, set[Key]] = {}
        # Longest first, so that "super" is tried before "s...".
        self._prefixes = tuple(sorted({p.lower() for p in prefixes}, key=len, reverse=True))
        self._frozen: dict[str, frozenset[Key]] = {}

    def add(self, key: Key, forms: Iterable[str]) -> None:
        for form in forms:
            self._forms.setdefault(form, set()).add(key)

    def freeze(self) -> "FormTable":
        self._frozen = {form: frozenset(keys) for form, keys in self._forms.items()}
        # For misspellings: every form of six letters or more with one letter left out.
        self._deletes: dict[str, set[Key]] = {}
        for form, keys in self._frozen.items():
            if len(form) >= 6 and form.isalpha():
                for variant in _deletes(form):
                    self._deletes.setdefault(variant, set()).update(keys)
        self.keys_of.cache_clear()
        self.near.cache_clear()
        return self

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one table per process, built once
    def near(self, word: str) -> frozenset[Key]:
        """The keys of the forms one letter away from `word` (missing, extra, wrong or swapped)."""
        found: set[Key] = set(self._deletes.get(word, ()))  # a letter missing: "vägrde"
        for variant in _deletes(word):
            found.update(self._frozen.get(variant, ()))  # a letter too many
            found.update(self._deletes.get(variant, ()))  # a letter wrong or two swapped
        return frozenset(found)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one table per process, built once
    def keys_of(self, token: str) -> frozenset[Key]:
        word = token.lower()
        keys = self._frozen.get(word)
        if keys:
            return keys
        for prefix in self._prefixes:  # jätteledsen -> ledsen
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                keys = self._frozen.get(word[len(prefix) :])
                if keys:
                    return keys
        if not word.isalpha():
            return _EMPTY
        lemma = lemmatize(word)
        if lemma != word:
            return self._frozen.get(lemma, _EMPTY)
        return _EMPTY


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def near_form(table: FormTable, word: str, lexicon: str) -> str | None:
    """The headword of `lexicon` that an unknown word is a misspelling of, if there is one: the
    word is not in simplemma's dictionary, is one letter away from a listed form, and starts with
    the same letter as the headword ("vägrde" -> "vägra", "agressiv" -> "aggressiv")."""
    if not word.isalpha() or is_known(word):
        return None
    for key_lexicon, headword in table.near(word):
        if key_lexicon == lexicon and headword[0] == word[0]:
            return headword
    return None


@functools.lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether simplemma's Swedish dictionary knows a lower-case word."""
    return _simplemma().is_known(word, lang="sv")


@functools.cache
def _simplemma():
    import simplemma  # imported on first use: its dictionary is large

    return simplemma


@functools.lru_cache(maxsize=65536)
def lemmatize(word: str) -> str:
    """simplemma's Swedish lemma of a lower-case word, in lower case."""
    return _simplemma().lemmatize(word, lang="sv").lower()


def load_lemmatizer() -> None:
    """Load simplemma's Swedish dictionary now rather than on the first unknown word."""
    lemmatize("ledsna")
