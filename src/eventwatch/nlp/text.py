"""The text of a parsed paragraph, read once.

spaCy's ``Doc.text`` is not stored: every read joins the text of every token again, so a stage that reads it
per trigger, span or place pays the paragraph's length each time (the geo stage spent most of its time there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXT_KEY = "eventwatch.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc and kept in its ``user_data``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
