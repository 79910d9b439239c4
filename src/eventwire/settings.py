"""Configuration in one place (pydantic at the edge; the stages receive plain values)."""

from __future__ import annotations

import os

from pydantic import BaseModel, Field

DEFAULT_DB_URL = "sqlite:///./eventwire.db"


class Settings(BaseModel):
    """Every knob a user can turn; environment variables ``EVENTWIRE_*`` override the defaults."""

    spacy_model: str | None = Field(
        default=None,
        description="spaCy pipeline to load; None picks en_core_web_sm, else the PyPI re-upload",
    )
    db_url: str = DEFAULT_DB_URL
    max_chars: int = Field(default=2_000_000, description="articles longer than this are refused (E105)")
    batch_size: int = 32
    n_process: int = 1
    check_language: bool = True
    prefilter: bool = Field(
        default=True,
        description="parse only sentences that can hold an event (and their neighbours); see events/prefilter.py",
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env: dict[str, object] = {}
        if os.environ.get("EVENTWIRE_SPACY_MODEL"):
            env["spacy_model"] = os.environ["EVENTWIRE_SPACY_MODEL"]
        if os.environ.get("EVENTWIRE_DB"):
            env["db_url"] = os.environ["EVENTWIRE_DB"]
        if os.environ.get("EVENTWIRE_PREFILTER"):
            env["prefilter"] = os.environ["EVENTWIRE_PREFILTER"].lower() not in {"0", "false", "no", "off"}
        if os.environ.get("EVENTWIRE_MAX_CHARS"):
            env["max_chars"] = int(os.environ["EVENTWIRE_MAX_CHARS"])
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)  # type: ignore[arg-type]
