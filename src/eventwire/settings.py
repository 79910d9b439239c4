"""Configuration in one place (pydantic at the edge; the stages receive plain values)."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

DEFAULT_DB_URL = "sqlite:///./eventwire.db"
DEFAULT_MAX_CHARS = 5_000_000  # a long feature is ~100 kB; 5 M characters is a dump mistaken for an article
MAX_CHARS_ENV = "EVENTWIRE_MAX_CHARS"


def default_max_chars() -> int:
    """The article size limit in characters: $EVENTWIRE_MAX_CHARS, else 5,000,000."""
    raw = os.environ.get(MAX_CHARS_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_CHARS
    from .errors import ConfigError

    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ConfigError("E406", f"{MAX_CHARS_ENV}={raw!r} is not a whole number of characters") from None
    if value < 1:
        raise ConfigError("E406", f"{MAX_CHARS_ENV}={raw!r} must be at least 1")
    return value


SWITCH_OFF = frozenset({"0", "false", "no", "off"})
SWITCH_ON = frozenset({"1", "true", "yes", "on"})


def switch_on(name: str, default: bool) -> bool:
    """An on/off switch $name: 1/true/yes/on turn it on, 0/false/no/off off (any case); unset or empty
    keeps ``default``; anything else is a numbered error naming the variable (a typo never flips a switch)."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in SWITCH_ON:
        return True
    if raw in SWITCH_OFF:
        return False
    from .errors import ConfigError

    raise ConfigError("E406", f"{name}={raw!r}: expected 1/true/yes/on or 0/false/no/off")


PREFILTER_CONTEXT_ENV = "EVENTWIRE_PREFILTER_CONTEXT"
PREFILTER_CONTEXTS = ("references", "always", "none")


def prefilter_context_from_env() -> str:
    """$EVENTWIRE_PREFILTER_CONTEXT, checked: a typo is a numbered error naming the variable."""
    raw = os.environ.get(PREFILTER_CONTEXT_ENV, "").strip().lower()
    if raw not in PREFILTER_CONTEXTS:
        from .errors import ConfigError

        raise ConfigError("E406", f"{PREFILTER_CONTEXT_ENV}={raw!r}: expected one of {', '.join(PREFILTER_CONTEXTS)}")
    return raw


class Settings(BaseModel):
    """Every knob a user can turn; environment variables ``EVENTWIRE_*`` override the defaults."""

    spacy_model: str | None = Field(
        default=None,
        description="spaCy pipeline to load; None picks en_core_web_sm, else the PyPI re-upload",
    )
    db_url: str = DEFAULT_DB_URL
    max_chars: int = Field(default=DEFAULT_MAX_CHARS,
                           description=f"articles longer than this are refused (E105); ${MAX_CHARS_ENV}")
    window_chars: int = Field(
        default=100_000,
        description="articles longer than this are coded in paragraph-aligned windows of this size (windows.py)",
    )
    batch_size: int = 32
    n_process: int = 1
    check_language: bool = True
    prefilter: bool = Field(
        default=True,
        description="parse only sentences that can hold an event (and their neighbours); see events/prefilter.py",
    )
    prefilter_context: Literal["references", "always", "none"] = Field(
        default="references",
        description="which sentence before a trigger sentence the pre-filter keeps: 'references' (when the "
        "trigger sentence has a pronoun or a quotation mark), 'always' or 'none'; $EVENTWIRE_PREFILTER_CONTEXT",
    )
    prefilter_learned: bool = Field(
        default=True,
        description="the pre-filter also blanks trigger-word sentences its learned sentence filter scores as "
        "giving no event (events/sentence_filter.py; on by default since round 15, docs/scale.md); "
        "$EVENTWIRE_SENTENCE_FILTER=0 turns it off (the lexicon pre-filter alone)",
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env: dict[str, object] = {}
        if os.environ.get("EVENTWIRE_SPACY_MODEL"):
            env["spacy_model"] = os.environ["EVENTWIRE_SPACY_MODEL"]
        if os.environ.get("EVENTWIRE_DB"):
            env["db_url"] = os.environ["EVENTWIRE_DB"]
        for name, field in (("EVENTWIRE_PREFILTER", "prefilter"), ("EVENTWIRE_SENTENCE_FILTER", "prefilter_learned")):
            if os.environ.get(name, "").strip():  # a switch: 1/true/yes/on or 0/false/no/off
                env[field] = switch_on(name, True)
        if os.environ.get(PREFILTER_CONTEXT_ENV):
            env["prefilter_context"] = prefilter_context_from_env()
        if os.environ.get(MAX_CHARS_ENV):
            env["max_chars"] = default_max_chars()
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)  # type: ignore[arg-type]
