"""Swedish alphabetical order: a–z, then å, ä, ö. PostgreSQL has it from ICU; SQLite needs this key."""

import unicodedata

# Letters Swedish treats as variants of another letter (SAOL: ü sorts as y, æ as ä, ø as ö).
_VARIANTS = str.maketrans({"ü": "y", "æ": "ä", "ø": "ö", "ß": "ss"})
# Å, Ä, Ö are letters of their own that follow z; map them past the ASCII range, in order.
_AFTER_Z = str.maketrans({"å": "\x7b", "ä": "\x7c", "ö": "\x7d"})


def sort_key(text: str) -> str:
    folded = text.casefold().translate(_VARIANTS)
    kept = []
    for char in folded:
        if char in "åäö":
            kept.append(char)
            continue
        # Other accents (é, à, ç …) sort as their base letter.
        base = unicodedata.normalize("NFD", char)[0]
        kept.append(base)
    return "".join(kept).translate(_AFTER_Z)


def compare(left: str, right: str) -> int:
    """SQLite collation callback: negative, zero or positive, like strcmp."""
    left_key, right_key = sort_key(left), sort_key(right)
    if left_key == right_key:
        return (left > right) - (left < right)
    return -1 if left_key < right_key else 1
