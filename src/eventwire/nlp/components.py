"""spaCy components eventwire adds to any English pipeline (registered by name, see load_spacy)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "eventwire_paragraph_breaks"


@Language.component(
    PARAGRAPH_BREAKS,
    assigns=["token.is_sent_start"],
    retokenizes=False,
)
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bullets and unpunctuated paragraph ends.

    News text loses final periods in extraction ("... may meet if no deal can be reached\\nTurkey
    ..."); without this the parser fuses two paragraphs and dates leak from one event to another.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


SENTENCE_CAP = "eventwire_sentence_cap"
MAX_SENTENCE_TOKENS = 150  # news sentences run 20-40 tokens; 150 is a list or a run-on paste
_ENDS = frozenset({".", "!", "?"})


@Language.component(
    SENTENCE_CAP,
    assigns=["token.is_sent_start"],
    retokenizes=False,
)
def sentence_cap(doc: Doc) -> Doc:
    """No sentence longer than MAX_SENTENCE_TOKENS: a run that long with no end mark is cut, at its
    last comma or semicolon when there is one nearby.

    The coder's work per sentence grows with the sentence's length times its triggers, so one
    unpunctuated run of a few thousand words ("killing ... killing ...") took minutes (found by
    tests/test_fuzz_extract.py). Real sentences never reach the cap, so their parse is unchanged.
    """
    run = 0
    soft: int | None = None  # the last comma/semicolon of the current run
    for tok in doc:
        if tok.i == 0 or tok.is_sent_start or doc[tok.i - 1].text in _ENDS:
            run, soft = 0, None
        run += 1
        if tok.text in {",", ";", ":"}:
            soft = tok.i
        if run >= MAX_SENTENCE_TOKENS and tok.i + 1 < len(doc):
            cut = soft + 1 if soft is not None and tok.i - soft < 50 else tok.i + 1
            doc[cut].is_sent_start = True
            run, soft = tok.i + 1 - cut, None
    return doc
