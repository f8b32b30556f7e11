"""The secret key of an instance that is not given one: generated once into its var/ directory
and kept, so that sessions and signed values survive a restart."""

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


def secret_key_in(var_dir: Path) -> str:
    """The key kept in `var_dir`/secret_key, made there (readable by its owner only) when absent.

    Several workers may start at once: the key is written to a file of its own and linked into
    place, which only one of them can do; the others read the one that won."""
    var_dir = Path(var_dir)
    path = var_dir / SECRET_KEY_FILE
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        candidate = var_dir / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(64))
        try:
            os.link(candidate, path)
        except FileExistsError:
            pass
        finally:
            candidate.unlink()
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 50:
        raise RuntimeError(f"{path} holds no usable secret key: remove it and start again.")
    return key
