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
