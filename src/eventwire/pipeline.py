"""Pipeline: loads its resources once and runs the stages over batches of articles.

The stages are plain objects with no global state, so the same Pipeline runs in-process, in a
process pool, or inside a Ray Data actor (one per worker, loaded once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace as dc_replace
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
            from .events.proposer import coder_class
            from .places import PlaceResolver

            self._coder = coder_class()(
                actors=self._actors or ActorResolver.load(),
                places=self._places or PlaceResolver.load(),
                version=self.version,
            )
            from .events.preload import preload

            preload(self._coder, prefilter=self.settings.prefilter)
        return self._coder

    @property
    def version(self) -> str:
        """Extractor version: code version + spaCy pipeline; it is part of every event_id."""
        from .nlp import model_name

        return f"eventwire-{__version_extractor__}+{model_name(self.nlp)}"

    def process(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Result]:
        """Results in input order. Articles that fit in one window go through spaCy in batches; a
        longer one is coded window by window (windows.py), so its cost grows linearly."""
        size = batch_size or self.settings.batch_size
        window = self.window_chars
        whole: list[Article] = []
        for article in articles:
            if len(article.text) <= window:
                whole.append(article)
                if len(whole) >= size:
                    yield from self._process_whole(whole, size)
                    whole = []
                continue
            yield from self._process_whole(whole, size)
            whole = []
            yield self._process_long(article, window)
        yield from self._process_whole(whole, size)

    @property
    def window_chars(self) -> int:
        from .windows import HEAD_CHARS

        # spaCy refuses texts over max_length (E088); a window also carries the article's head
        return max(1000, min(self.settings.window_chars, self.nlp.max_length - HEAD_CHARS - 2))

    def _parse_text(self, text: str) -> str:
        if not self.settings.prefilter:
            return text
        from .events.prefilter import sparse_text

        return sparse_text(text, self.settings.prefilter_context, self.settings.prefilter_learned)[0]  # same length: offsets hold

    def _process_whole(self, articles: list[Article], batch_size: int) -> Iterator[Result]:
        if not articles:
            return
        coder = self.coder
        pairs = ((self._parse_text(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield Result(article=article, events=tuple(coder.code(doc, article)))

    def _process_long(self, article: Article, window: int) -> Result:
        from .events.incidents import assign_incidents
        from .windows import to_article, windows

        coder = self.coder
        parse = self._parse_text(article.text)
        wins = windows(article.text, window)
        events: list[Event] = []
        # two windows in flight at most: memory stays that of two windows whatever the article's length
        docs = self.nlp.pipe(((w.text(parse), w) for w in wins), as_tuples=True, batch_size=2)
        for doc, w in docs:
            part = dc_replace(article, text=w.text(article.text))
            mapped = [m for m in (to_article(e, w) for e in coder.code(doc, part)) if m is not None]
            events.extend(assign_incidents(mapped, article.text))  # ids changed with the offsets: group again
        return Result(article=article, events=tuple(events))

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
