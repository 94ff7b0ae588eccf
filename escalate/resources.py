"""Where the bundled rules and seeds are: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PKG.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled {name}/ not found (looked in {packaged} and {checkout})")


def rules_dir() -> Path:
    """The bundled rule pack (lexicons, temporal patterns, link rules)."""
    return _find("rules")


def seeds_dir() -> Path:
    """The bundled demo corpus."""
    return _find("seeds")
