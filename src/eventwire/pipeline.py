"""Pipeline: loads its resources once and runs the stages over batches of articles.

The stages are plain objects with no global state, so the same Pipeline runs in-process, in a
process pool, or inside a Ray Data actor (one per worker, loaded once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .records import Article, Event, Result
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from .actors import ActorResolver
    from .events.coder import EventCoder
    from .places import PlaceResolver

__version_extractor__ = "0.1.0"


class Pipeline:
    """Article -> spaCy Doc -> mentions -> events -> incidents."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        actors: ActorResolver | None = None,
        places: PlaceResolver | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp
        self._actors = actors
        self._places = places
        self._coder: EventCoder | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp import load_spacy

            self._nlp = load_spacy(self.settings.spacy_model)
        return self._nlp

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            from .actors import ActorResolver
            from .events.coder import EventCoder
            from .places import PlaceResolver

            self._coder = EventCoder(
                actors=self._actors or ActorResolver.load(),
                places=self._places or PlaceResolver.load(),
                version=self.version,
            )
        return self._coder

    @property
    def version(self) -> str:
        """Extractor version: code version + spaCy pipeline; it is part of every event_id."""
        from .nlp import model_name

        return f"eventwire-{__version_extractor__}+{model_name(self.nlp)}"

    def process(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Result]:
        coder = self.coder
        if self.settings.prefilter:
            from .events.prefilter import sparse_text

            pairs = ((sparse_text(a.text)[0], a) for a in articles)
        else:
            pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size or self.settings.batch_size):
            yield Result(article=article, events=tuple(coder.code(doc, article)))

    def extract_article(self, article: Article) -> list[Event]:
        return list(next(iter(self.process([article]))).events)

    def extract(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> list[Event]:
        from .sources import article_from_text

        article = article_from_text(
            text,
            "<text>",
            published=published,
            source=source,
            url=url,
            title=title,
            check_language=self.settings.check_language,
            max_chars=self.settings.max_chars,
        )
        return self.extract_article(article)
