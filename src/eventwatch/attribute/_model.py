"""The internal record of one reporting act found in the text (claims.py builds it, link.py consumes it)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwatch.records import Source, Span, Stance


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting act found in the text (see module docstring)."""

    sources: tuple[Source, ...]
    stance: Stance
    cue: str | None
    cue_span: Span | None
    hedge: str | None
    scope: tuple[Span, ...]
    heads: tuple[int, ...]  # article offsets of the content's head tokens (a noun there is the content itself)
    sentence: int
    is_factive: bool = False
    anaphor: str | None = None  # lemma of a back-reference in the content ("this", "strike", "accusation")
    is_demonstrative: bool = False  # the back-reference is "this"/"these ..." (near), not "the ..." (main event)
    about: str | None = None
    is_quote: bool = False  # the content is a direct quotation or a "said:" block
    content_subject: str | None = None  # lower-cased subject of the content clause (speech-act factuality)
    cue_offset: int = -1  # article offset of the cue token

    def covers(self, offset: int) -> bool:
        return any(s.start <= offset < s.end for s in self.scope)

    def size(self) -> int:
        return sum(s.end - s.start for s in self.scope)
