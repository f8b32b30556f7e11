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
        self.keys_of.cache_clear()
        return self

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
