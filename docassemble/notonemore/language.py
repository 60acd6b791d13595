"""The interview's two languages, and docassemble's own words (buttons, messages) in Spanish.

The words file is ``data/sources/es-words.yml``; importing this module adds it to
docassemble's word collection, so the buttons are in Spanish on any server, whether or
not its configuration lists the file under ``words``.
"""
from __future__ import annotations

from pathlib import Path

import yaml

__all__ = ["LANGUAGES", "WORDS_FILE", "spanish_words"]

LANGUAGES: tuple[str, ...] = ("en", "es")
WORDS_FILE = Path(__file__).parent / "data" / "sources" / "es-words.yml"


def spanish_words() -> dict[str, str]:
    """The Spanish words file as {English phrase: Spanish phrase}."""
    return dict(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["es"])


def _load() -> None:
    try:
        from docassemble.base.util import update_word_collection
    except ImportError:  # docassemble not installed: the data is still readable
        return
    update_word_collection("es", spanish_words())


_load()
