"""What the coder remembers while reading one article: places, speakers, parties and times."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..countries import alpha2_to_3, alpha3_to_2, official_name
from ..places.rules import env_rules
from ..records import ActorRef, Article, Event, Place, When
from ..settings import switch_on
from . import lexicon as lx
from .common import (
    PRONOUNS,
    Mention,
    doc_text,
)
from .syntax import (
    BARE_DATELINE,
    DATELINE,
    DATELINE_WITHIN,
    LATER_DATELINE,
    _claim_text,
    _first_person,
    _inherited_subjects,
    _np_span,
    _safe,
    _subjects,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors import ActorMatch, ArticleActors
    from ..places import PlaceResolver
    from ..times.text_dates import TextPresent
    from .arguments import ArgumentsMixin
    from .role_patterns import Matches


# the dependencies of a noun that can be a later pronoun's antecedent (a party's head, not a modifier)
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "appos", "conj", "attr"})
# how many sentences back an agentless attack looks for the attacker of the report's earlier attack
EARLIER_ATTACK_WINDOW = int(os.environ.get("EVENTWIRE_EARLIER_ATTACK_WINDOW", "5"))
# what a source issues before quoting it ("released the following statement:")
STATEMENT_NOUNS = frozenset({"statement", "message", "remarks", "communique", "communiqué", "declaration"})
QUOTES = frozenset({'"', "“", "'", "‘", "«"})
# the entity labels whose mentions the article's memory keeps (read_names)
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# rules of the event-place choice switched off for an ablation (EVENTWIRE_PLACE_RULES_OFF, comma-separated) or
# on (EVENTWIRE_PLACE_RULES_ON). Off by default: the article focus from a place named once or from towns named
# in parties. They place more events right (dev location 118 -> 127 of 164, LGL half B 8 -> 9 of 18), but the
# acceptance step reads a location's precision and, in sample, drops a true event placed so (dev recall 0.492
# -> 0.489, below its floor); on once the step is retrained with them (docs/places.md, Round 11).
# "semicolon-clause" (round 15, circumstances._across_semicolon) is off too: on dev it placed one more event right
# (location 176 -> 177 of 241) but the acceptance step then kept one more false event (LGL A precision 0.771 ->
# 0.750; docs/places.md, Round 15)
DEFAULT_OFF = frozenset({"single-place-focus", "party-name-focus", "semicolon-clause"})
SINGLE_PLACE = "the article's only place"  # the reason focus_place gives a place named once
INSTITUTIONS_FILE = Path(__file__).resolve().parents[1] / "places" / "data" / "local_institutions.tsv"


FOCUS_RULES_OFF = (DEFAULT_OFF - env_rules("EVENTWIRE_PLACE_RULES_ON")) | env_rules("EVENTWIRE_PLACE_RULES_OFF")


def party_place_mentions(ent: Span, places: PlaceResolver) -> list[tuple[int, int, str]]:
    """The places named inside a party's or a body's name, as resolver mentions (start, end, label): a place
    name that modifies a party's head noun ("Ozark police", "a Paris man", "an Anderson County grand jury")
    and the town or county a local body is named after ("Paris Police Department", "the Henry County
    General Sessions Court"). The party is no place, but local news names its town so. Country names are
    left out ("U.S. officials", "Russian forces" say whose, not where)."""
    if "party-name-context" in FOCUS_RULES_OFF:
        return []
    found: list[tuple[int, int, str]] = []
    if ent.label_ == "GPE":
        root = ent.root
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        if root.dep_ in {"compound", "amod", "nmod"}:
            found.append((ent.start_char, ent.end_char, "GPE"))
    elif ent.label_ in {"ORG", "FAC"} and "institution-name" not in FOCUS_RULES_OFF:
        m = _institution_pattern().match(ent.text)
        group = "unit" if m is not None and m.group("unit") else "town"
        if m is not None and m.group(group).split()[0] not in _generic_words():
            found.append((ent.start_char + m.start(group), ent.start_char + m.end(group), "GPE"))
    text = doc_text(ent.doc)
    return [(a, b, lab) for a, b, lab in found if _safe(lambda a=a, b=b: places.country(text[a:b])) is None]


def _us_town_named(ent: Span, coder: ArgumentsMixin) -> bool:
    """Rule "town-state-hint": a place named with its US state right after it ("Palestine, Texas")."""
    if "town-state-hint" in FOCUS_RULES_OFF:
        return False
    from ..places.homonyms import us_town_with_state

    text = doc_text(ent.doc)[ent.start_char : ent.end_char + 40]
    return bool(_safe(lambda: us_town_with_state(text, coder.places)))


@functools.cache
def _institution_rows() -> tuple[tuple[str, str], ...]:
    rows = []
    for line in INSTITUTIONS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words, kind = line.split("\t")[:2]
            rows.append((words.strip(), kind.strip()))
    return tuple(rows)


@functools.cache
def _generic_words() -> frozenset[str]:
    return frozenset(w for w, kind in _institution_rows() if kind == "generic")


@functools.cache
def _institution_pattern() -> re.Pattern[str]:
    """'(the) <Name> County ...' (unit) or '(the) <Name> Police Department ...' (body), from
    places/data/local_institutions.tsv; <Name> is one to three capitalised words."""
    units = [re.escape(w) for w, kind in _institution_rows() if kind == "unit"]
    bodies = [re.escape(w) for w, kind in _institution_rows() if kind == "body"]
    name = r"(?!The\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
    return re.compile(rf"(?:[Tt]he\s+)?(?:(?P<unit>{name}\s(?:{'|'.join(units)}))|(?P<town>{name})\s(?:{'|'.join(bodies)}))\b")


# -------------------------------------------------------------------- article context
class ArticleContext:
    """What the coder remembers while reading one article: places, speakers, parties, times."""

    def __init__(self, doc: Doc, article: Article, sents: list[Span]) -> None:
        self.doc = doc
        self.article = article
        self.text = article.text  # Doc.text rebuilds the string on every access: read it once
        self.sents = sents
        self.published: dt.date | None = article.published
        self.places: list[Place] = []
        self.mentions: list[Mention] = []
        self._speakers: dict[int, Mention] = {}
        self._times: dict[tuple[int, bool], list[When]] = {}
        self._present: TextPresent | None = None  # the text's latest full date (times.text_dates)
        self._written: list[When] = []  # the article's dates in text order, read with _present
        self._present_read = False
        self._events: list[tuple[int, Event]] = []
        newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self._para = [bisect.bisect_left(newlines, s.start_char) for s in sents]  # paragraph index
        self.context_text = ""
        self._hints: dict[str, list[str]] = {}
        self._ent_countries: dict[tuple[int, int], tuple[str | None, bool]] = {}
        self._focus: Place | None | bool = False
        # towns named inside a party's name ("Ozark police", "a Paris man"): context for the resolver and
        # the article's focus, never a sentence's own place (coder._resolve_places, in_party_name)
        self.party_places: list[Place] = []
        # the role patterns' matches in the article (role_patterns.find), run once when first asked
        self.role_pattern_hits: Matches | None = None
        self._focus_counts: Counter[tuple[str | None, str | None]] = Counter()
        self._focus_best: dict[tuple[str | None, str | None], Place] = {}
        # the article's named mentions in reading order (read_names): antecedents of pronouns, and the
        # memory that lets a bare surname resolve to the person named in full before
        self.named: list[Mention] = []
        # sentence -> the named source its reporting verb cites ("..., an ISPR statement said"), for the
        # sentences that go on with the same report (continued_source)
        self._attribution: dict[int, Token] = {}
        self._header: tuple[int, Token] | None = None  # a sentence that introduces a quoted statement
        self._memo: ArticleActors | None = None
        self._resolved: dict[tuple[str, str], ActorMatch | None] = {}
        # the knowledge base's reading of a phrase in this article, set by read_names: the common-noun and
        # country antecedents below are read only when a pronoun or a description asks for them
        self._reader: Callable[[str], ActorMatch | None] | None = None
        self._plural_nouns: dict[int, Mention | None] = {}  # token index -> its reading (cache)
        self._unplaced: list[Mention] = []  # persons named in the article whom the knowledge base does not place

    @functools.cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sent_index(self, token_i: int) -> int:
        """The index in ``sents`` of the sentence holding the token at ``token_i`` (0 before the first)."""
        return max(0, bisect.bisect_right(self._sent_starts, token_i) - 1)

    def read_names(self, coder: ArgumentsMixin) -> None:
        """Read the article's named people and organisations once, in order, before coding: a person
        introduced with a title or named in full ("Secretary of Defense Ash Carter", "Venezuela's Attorney
        General Tarek William Saab") is who a later bare "Carter" or "Saab" is, and every named party the
        knowledge base places is a candidate antecedent of a later "he", "she" or "it"."""
        from ..actors import ArticleActors

        memo = ArticleActors(coder.actors, self.published)
        self._memo = memo
        self._reader = lambda text: self.resolve(text, coder) if not coder._is_outlet(text) else None
        for ent in self.doc.ents:
            if ent.label_ not in NAMED_LABELS:
                continue
            np = _np_span(ent.root)
            spans = [np]
            if ent.root.dep_ in {"appos", "compound"} and ent.root.head.i != ent.root.i:
                # "Kenya's Interior Minister Joseph Amolo": the parser hangs the name off the title
                head = _np_span(ent.root.head)
                spans.insert(0, self.doc[min(head.start, ent.start): max(head.end, ent.end)])
            texts = [t for t in dict.fromkeys((*(sp.text.strip() for sp in spans), ent.text.strip())) if t]
            m = None
            for text in texts if ent.label_ == "PERSON" else texts[-1:]:
                # only a person is introduced by a title the memory must keep; a group is read as named
                m = (_safe(lambda text=text: memo.resolve(text, self.context_text)) if ent.label_ == "PERSON"
                     else self.resolve(text, coder))
                if m is not None and m.country:
                    break
            si = self.sent_index(ent.start)
            if ent.label_ == "PERSON" and (m is None or not m.country) and not coder._is_outlet(ent.text):
                # a private person the knowledge base does not place ("Boken", "Ms Blampied"): a later "he"
                # or "her" in an event's role may still stand for them (antecedent(unplaced=...))
                self._unplaced.append(Mention(ent.text, None, None, None, False, True, si, ent.start_char))
            if m is None or not m.country or coder._is_outlet(ent.text):
                continue  # an outlet reports; it is nobody's antecedent
            plural = ent.label_ == "NORP" and ent.text.lower().endswith("s")  # "Palestinians", not "Iraqi"
            if ent.label_ == "NORP" and not plural:
                continue
            person = ent.label_ == "PERSON"
            self.named.append(Mention(ent.text, m.country, m.sector, m.name, plural, person, si, ent.start_char))

    def country_hints(self, coder: ArgumentsMixin, places: bool = False) -> list[str]:
        """The countries the article's place names and peoples point to, most named first (at most five).
        ``places``: for the place resolver, leaving out towns named in a party's name ("a Paris man" names
        a town, not France's government); the knowledge base's context for actors keeps them all."""
        key = "places" if places and "party-name-hint" not in FOCUS_RULES_OFF else "actors"
        if key not in self._hints:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                if ent.label_ in {"GPE", "NORP"}:
                    if key == "places" and ent.label_ == "GPE" and party_place_mentions(ent, coder.places):
                        continue
                    a2, _town = self._ent_country(ent, coder)
                    if a2:
                        counts[a2] += 1
            self._hints[key] = [c for c, _ in counts.most_common(5)]
        return self._hints[key]

    def _ent_country(self, ent: Span, coder: ArgumentsMixin) -> tuple[str | None, bool]:
        """The country (alpha-2) a place or people entity names for the context, read once per entity for
        ``country_hints`` and ``settle_actor_context``: "US" for a US town named with its state ("Palestine,
        Texas": the town, not the country of that name; second value True), else the knowledge base's reading."""
        key = (ent.start_char, ent.end_char)
        if key not in self._ent_countries:
            if ent.label_ == "GPE" and _us_town_named(ent, coder):
                self._ent_countries[key] = ("US", True)
            else:
                m = _safe(lambda: coder.actors.resolve(ent.text))
                self._ent_countries[key] = (alpha3_to_2(m.country) if m is not None and m.country else None, False)
        return self._ent_countries[key]

    def settle_actor_context(self, coder: ArgumentsMixin, found: list[Place]) -> None:
        """The country that completes parties without one (``context_text``), once the article's places are
        read together: a name the knowledge base reads as a country's place counts for the country the
        gazetteer settled it in ("Paris" beside Henry County and Lone Oak Road is Paris, Tennessee;
        "Palestine" beside Anderson County a Texas town), not for the country the name alone reads as
        (France, the State of Palestine), as ``country_hints`` counts it before the places are read. A name
        the knowledge base does not read is not counted, as before: the gazetteer reads more names than
        places ("River North" as a province). ``EVENTWIRE_SETTLED_CONTEXT=0`` keeps the unsettled reading."""
        if not switch_on("EVENTWIRE_SETTLED_CONTEXT", True):
            return
        settled = {(p.start, p.end): p.country for p in found if p.country and p.start is not None}
        if not settled:
            return
        counts: Counter[str] = Counter()
        changed = False
        for ent in self.doc.ents:
            if ent.label_ not in {"GPE", "NORP"}:
                continue
            a2, us_town = self._ent_country(ent, coder)
            if not a2:
                continue
            place = settled.get((ent.start_char, ent.end_char)) if ent.label_ == "GPE" and not us_town else None
            changed = changed or (place is not None and place != a2)
            counts[place or a2] += 1
        if changed and counts:
            self.context_text = official_name(counts.most_common(1)[0][0]) or self.context_text

    def settled_town_country(self, start: int, end: int) -> str | None:
        """The country (alpha-3) of the place named inside a party's phrase (``start``..``end``), as the
        article's places settled it ("A Paris man" where Paris is a Tennessee town), when they settled it in
        one country only."""
        found = {p.country for p in (*self.places, *self.party_places)
                 if p.country and p.start is not None and p.end is not None and start <= p.start and p.end <= end}
        return alpha2_to_3(found.pop()) if len(found) == 1 else None

    def times(self, si: int, future: bool = False) -> list[When]:
        """A sentence's dates; for future and hypothetical events a bare weekday is the next one."""
        if (si, future) not in self._times:
            s = self.sents[si]
            # the sentence as parsed: a stretch the pre-filter blanked inside it is no part of it
            self._times[si, future] = self.find_times(s.start_char, s.end_char, future=future, text=s.text)
        return self._times[si, future]

    def find_times(self, start: int, end: int, future: bool = False, text: str | None = None) -> list[When]:
        """The dates of a stretch of the article's text, against the publication date; "the next day"
        counted from the day the text named last before it; without a publication date, a weekday the
        text's own full dates settle (times.text_dates). The rest stay unresolved. ``text``: the
        stretch as parsed, where the pre-filter blanked part of it."""
        from ..times import find_times
        from ..times.text_dates import resolve_against_text, resolve_anaphora, text_present

        part = self.text[start:end] if text is None else text
        found = _safe(lambda: find_times(part, self.published, offset=start, future=future)) or []
        if not found or all(w.start is not None for w in found):
            return found
        if not self._present_read:
            self._present = _safe(lambda: text_present(self.text)) if self.published is None else None
            article = _safe(lambda: find_times(self.text, self.published)) or []
            self._written = [resolve_against_text(w, self._present) for w in article]
            self._present_read = True
        return [resolve_anaphora(resolve_against_text(w, self._present), self._written) for w in found]

    def paragraph_before(self, si: int) -> list[int]:
        out = []
        j = si - 1
        while j >= 0 and self._para[j] == self._para[si]:
            out.append(j)
            j -= 1
        return out

    @functools.cached_property
    def event_places(self) -> list[Place]:
        """The article's places that can be where something happened: ``places`` less those that describe a
        person ("Dunbar of Austin, Texas", "known as Montana": events/person_places.py). Read once
        ``places`` is set (coder._resolve_places)."""
        if "person-place" in FOCUS_RULES_OFF:
            return self.places
        from .person_places import person_place_starts

        skip = person_place_starts(self.doc, self.places)
        return [p for p in self.places if p.start not in skip]

    def focus_place(self, homes: set[str] | frozenset[str] = frozenset()) -> Place | None:
        """The article's main sub-national place: where unlocated material events most likely happened.
        A place named twice or more leads; failing that, the one sub-national place the article names in
        its parties' countries ``homes`` (or in all, without parties), named once: a court story that says
        "Philadelphia" once and nothing else below country level happened there."""
        if self._focus is False:
            counts: Counter[tuple[str | None, str | None]] = Counter()
            best: dict[tuple[str | None, str | None], Place] = {}
            prev: Place | None = None
            for p in (*self.event_places, *(() if "party-name-focus" in FOCUS_RULES_OFF else self.party_places)):
                if p.lat is None or p.precision not in {"admin1", "admin2", "town"}:
                    continue
                key = (p.country, p.admin1 or p.name)
                before, prev = prev, p
                if (before is not None and before.end is not None and p.start is not None and p.precision == "admin1"
                        and (before.country, before.admin1 or before.name) == key
                        and self.text[before.end:p.start].strip() == "," and "town-state-once" not in FOCUS_RULES_OFF):
                    continue  # "Austin, Texas" names one place once: the state only says which Austin
                counts[key] += 1
                if key not in best or (p.precision == "admin1" and best[key].precision != "admin1"):
                    best[key] = p
            self._focus_counts = counts
            self._focus_best = best
            if counts:
                key, n = counts.most_common(1)[0]
                self._focus = best[key] if n >= 2 else None
            else:
                self._focus = None
        if isinstance(self._focus, Place):
            return self._focus
        if "single-place-focus" in FOCUS_RULES_OFF:
            return None
        keys = [k for k in self._focus_counts if not homes or k[0] in homes]
        return replace(self._focus_best[keys[0]], reason=SINGLE_PLACE) if len(keys) == 1 else None

    def dateline(self, coder: ArgumentsMixin) -> Place | None:
        """'BEIRUT (AP) —': where the report was filed, the fallback before the article's focus."""
        if not hasattr(self, "_dateline"):
            self._dateline: Place | None = None
            m = DATELINE.match(self.text[:120]) or LATER_DATELINE.search(self.text[:DATELINE_WITHIN])
            bare = m is None and "bare-dateline" not in FOCUS_RULES_OFF
            if bare:
                m = BARE_DATELINE.match(self.text[:60])
            if m:
                # read with the article's other places, as they are: its own places (and whether it reads
                # as US local news) settle which Newark or Hamilton the report was filed from
                spans = [(m.start("place"), m.end("place"), "GPE")] + [
                    (q.start, q.end, "GPE") for q in self.places if q.start is not None and q.end is not None]
                # 'PATASKALA' read as 'Pataskala' (title() keeps the length, so the offsets hold)
                titled = m.group("place").title()
                text = self.text[:spans[0][0]] + titled + self.text[spans[0][1]:] if len(titled) == len(
                    m.group("place")) else self.text
                found = _safe(lambda: coder.places.resolve_document(text, spans))
                p = found[0] if found else None
                if bare and p is not None and (p.name or "").lower() != m.group("place").lower():
                    p = None  # capitals the gazetteer only reads as something else: a headline, not a place
                if p is not None and p.lat is not None:
                    self._dateline = replace(p, start=m.start("place"), end=m.end("place"))
        return self._dateline

    def update_speaker(self, si: int, sent: Span, coder: ArgumentsMixin) -> None:
        header = self.text[sent.start_char:sent.end_char].rstrip().endswith(":")
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in lx.SPEECH_VERBS or header and any(
                    c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in STATEMENT_NOUNS for c in tok.children):
                subj = _subjects(tok) or _inherited_subjects(tok)
                if subj and not _first_person(subj[0]) and subj[0].lower_ not in PRONOUNS and subj[0].pos_ != "PRON":
                    self._attribution[si] = subj[0]  # its text is read only when a sentence carries it on
                    if header:
                        self._header = (si, subj[0])
                    break
        for tok in sent:
            if tok.lemma_.lower() in lx.SPEECH_VERBS:
                subj = _subjects(tok) or _inherited_subjects(tok)
                if subj and not _first_person(subj[0]):
                    m = self._mention_for(subj[0], si, coder)
                    if m is not None:
                        self._speakers[si] = m
                        return

    def _mention_for(self, tok: Token, si: int, coder: ArgumentsMixin) -> Mention | None:
        text = _np_span(tok).text.strip()
        if tok.lower_ in PRONOUNS:
            return self.antecedent(si, plural=tok.lower_ in {"they", "them"}, person=tok.lower_ in {"he", "she"},
                                   before=tok.idx)
        m = self.resolve(text, coder)
        if (m is None or not m.country) and coder.actors.is_news_source(text) if hasattr(coder.actors, "is_news_source") else False:
            # an outlet speaks for its country's side only through a possessive: "Turkey's Daily Sabah"
            for ent in _np_span(tok).ents:
                if ent.label_ in {"GPE", "NORP"}:
                    m2 = _safe(lambda ent=ent: coder.actors.resolve(ent.text))
                    if m2 is not None and m2.country:
                        return Mention(text, m2.country, m2.sector, m2.name, False, False, si)
            return None
        if m is None or not m.country:
            return None
        return Mention(text, m.country, m.sector, m.name, tok.tag_ in {"NNS", "NNPS"}, tok.ent_type_ == "PERSON", si)

    def speaker_for(self, si: int, claim_tok: Token | None, coder: ArgumentsMixin) -> Mention | None:
        if claim_tok is not None:
            m = self._mention_for(claim_tok, si, coder)
            if m is not None:
                return m
        return self.recent_speaker(si) or self.publisher(coder)

    def recent_speaker(self, si: int, press: bool = True) -> Mention | None:
        """Who spoke in this sentence or the two before it; with ``press=False`` not a newspaper or journalist
        (sector JRN), who reports a statement and never makes one."""
        for j in (si, si - 1, si - 2):
            m = self._speakers.get(j)
            if m is not None and (press or m.sector != "JRN"):
                return m
        return None

    def publisher(self, coder: ArgumentsMixin) -> Mention | None:
        """A statement's first person with no speaker in the text is its publisher ("I condemn ..." in a
        UK Government release), unless the publisher is a news outlet: outlets report, they are no party."""
        src = (self.article.source or "").strip()
        if not src or coder._is_outlet(src):
            return None
        m = self.resolve(src, coder)
        if m is None or not m.country:
            return None
        return Mention(src, m.country, m.sector, m.name, False, False, -1)

    def continued_source(self, si: int, sent: Span) -> str | None:
        """A sentence with no reporting verb of its own that goes on with a report: its subject is a
        pronoun standing for who the previous sentence of the paragraph reported on ("..., an ISPR
        statement said. He urged them ..."). It carries on that sentence's source, and passes it on."""
        if si in self._attribution:
            return None  # the sentence names its own source
        if self._header is not None and self._header[0] < si and all(
                self._quoted_paragraph(j) for j in range(self._header[0] + 1, si + 1)):
            # 'Gen. X released the following statement today:' and the quoted paragraphs after it
            return _claim_text(self._header[1], self.text)
        if si == 0 or self._para[si - 1] != self._para[si] or (si - 1) not in self._attribution:
            return None
        roots = [t for t in sent if t.dep_ == "ROOT"]
        if not roots or roots[0].lemma_.lower() in lx.SPEECH_VERBS:
            return None
        subj = _subjects(roots[0])
        if not subj or subj[0].lower_ not in {"he", "she", "they", "it"}:
            return None
        self._attribution[si] = self._attribution[si - 1]
        return _claim_text(self._attribution[si], self.text)

    def bracketed_source(self, si: int) -> str | None:
        """A sentence with no reporting verb of its own between two that report the same source ("...,
        police said. Bassett is accused of stabbing X. Police say Bassett approached ..."): a run of one
        source's account, which the sentence in the middle belongs to."""
        if si in self._attribution or si == 0 or si + 1 >= len(self.sents) or self._para[si + 1] != self._para[si]:
            return None
        before, after = self._attribution.get(si - 1), self._attribution.get(si + 1)
        if before is None or after is None or before.lemma_.lower() != after.lemma_.lower():
            return None
        return _claim_text(after, self.text)

    def reported_by(self, si: int, pronoun: Token) -> Token | None:
        """Who a reporting pronoun ("he said", "they added") stands for when no party of the article's
        memory fits: the named subject of the nearest earlier reporting verb of the paragraph, two
        sentences back at most, that agrees with it ("Wang said ... He said China and Russia ...")."""
        plural = pronoun.lower_ in {"they", "them"}
        person = pronoun.lower_ in {"he", "she", "him", "her"}
        for j in (si, si - 1, si - 2):
            if j < 0 or self._para[j] != self._para[si]:
                break
            tok = self._attribution.get(j)
            if tok is None or (j == si and tok.i >= pronoun.i):
                continue
            # a country is no "he"; a person no "it" (the parser's ORG for a bare surname is no evidence)
            if ((tok.tag_ in {"NNS", "NNPS"}) != plural or person and tok.ent_type_ in {"GPE", "NORP"}
                    or pronoun.lower_ == "it" and tok.ent_type_ == "PERSON"):
                continue
            return tok
        return None

    def _quoted_paragraph(self, si: int) -> bool:
        """Does the paragraph of sentence ``si`` open with a quotation mark?"""
        line_start = self.text.rfind("\n", 0, self.sents[si].start_char) + 1
        return self.text[line_start:line_start + 3].lstrip()[:1] in QUOTES

    def list_source(self, si: int) -> str | None:
        """Bullet lines under a heading that names their source take that source."""
        line_start = self.text.rfind("\n", 0, self.sents[si].start_char) + 1
        if not self.text[line_start:line_start + 3].lstrip().startswith(("•", "-", "*", "·")):
            return None
        j = si - 1
        while j >= 0:
            s = self.sents[j]
            if s.text.strip().startswith(("•", "-", "*", "·")) or not s.text.strip():
                j -= 1
                continue
            if s.text.rstrip().endswith(":"):
                orgs = [e.text for e in s.ents if e.label_ in {"ORG", "PERSON", "GPE"}]
                return orgs[0] if orgs else None
            return None
        return None

    def note_event(self, si: int, ev: Event | None) -> None:
        if ev is None:
            return
        self._events.append((si, ev))
        for a in ev.actors:
            if a.country:
                # a person the knowledge base named, or a holder of an office, is who a later "he" or
                # "she" most likely is ("General Bajwa visited ... He urged them ...")
                person = (a.rule or "").startswith(("person:", "role:")) and not a.text.lower().endswith("s")
                self.mentions.append(Mention(a.text, a.country, a.sector, a.name, a.text.lower().endswith("s"),
                                              person, si, role=a.role))

    def antecedent(self, si: int, *, plural: bool, person: bool, before: int | None = None,
                   role: str | None = None, unplaced: frozenset[str] | None = None) -> Mention | None:
        """The nearest earlier party (within two sentences) a pronoun can stand for: a party of an event
        already coded, else the nearest named mention before it (read_names), the same sentence included
        when the pronoun's offset ``before`` is known ("Obama said he would ..."). Among the fitting
        parties of the latest event, one in the pronoun's own ``role`` comes first (parallel roles:
        "Somali troops attacked al-Shabaab ... They killed 12", "X called Lavrov and urged him").
        With ``unplaced`` (the words of names the pronoun cannot stand for: its clause's subject; given by an
        event's roles, not by a speaker or a claim), a plural pronoun nothing else fits may stand for a
        plural common noun before it (_plural_noun_before), and a singular personal pronoun for the nearest
        person the knowledge base does not place ("Ms Blampied said she believes Boken murdered her"): a party with no country of its own,
        placed where the event happened (arguments._operating_country)."""

        def fits(m: Mention) -> bool:
            return bool(person and m.person or plural and m.plural
                        or not person and not plural and not m.person and not m.plural)

        latest: list[Mention] = []
        for m in reversed(self.mentions):
            if m.sent_i < si - 2 or latest and m.sent_i != latest[0].sent_i:
                break
            if fits(m):
                latest.append(m)
        if latest:
            return next((m for m in latest if role and m.role == role), latest[0])
        for m in reversed(self.named):
            if m.sent_i > si or m.sent_i == si and (before is None or m.start >= before):
                continue
            if m.sent_i < si - 2:
                break
            if fits(m):
                return m
        if plural and not person and unplaced is not None and switch_on("EVENTWIRE_PLURAL_ANTECEDENT", True):
            return self._plural_noun_before(si, before)
        if person and unplaced is not None:
            for m in reversed(self._unplaced):
                if m.sent_i > si or m.sent_i == si and (before is None or m.start >= before) or any(
                        w.lower() in unplaced for w in m.text.split()):
                    continue
                if m.sent_i < si - 2:
                    break
                return m
        return None

    def _plural_noun_before(self, si: int, before: int | None) -> Mention | None:
        """A plural pronoun's antecedent that is no name: the nearest earlier plural common noun (within two
        sentences) the knowledge base reads as a kind of party ("Speaking to the local tribal elders, he
        said ... He urged them", "separatist warlords from neighbouring Chechnya ... In 1995 they seized
        hundreds of hostages"). Asked only when no event's party and no named mention fits."""
        if self._reader is None or si >= len(self.sents):
            return None
        lo = self.sents[max(0, si - 2)].start
        hi = self.sents[si].end
        for tok in reversed(self.doc[lo:hi]):
            if before is not None and tok.idx >= before:
                continue
            if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or tok.dep_ not in ANTECEDENT_DEPS or tok.ent_type_:
                continue
            if tok.i not in self._plural_nouns:
                text = _np_span(tok).text.strip()
                m = self._reader(text) if text else None
                self._plural_nouns[tok.i] = None if m is None or not m.country or not m.sector else Mention(
                    text, m.country, m.sector, m.name, True, False,
                    self.sent_index(tok.i), tok.idx)
            found = self._plural_nouns[tok.i]
            if found is not None:
                return found
        return None

    def common_noun_starts(self) -> frozenset[int]:
        """The offsets of the common-noun antecedents read so far (_plural_noun_before)."""
        return frozenset(m.start for m in self._plural_nouns.values() if m is not None)

    def country_before(self, si: int, before: int, readings: tuple[str, ...] = ("country:",)) -> Mention | None:
        """The nearest place the text names before an offset, in its sentence or the three before, that the
        knowledge base reads in one of ``readings`` (rule prefixes): a country ("North Korea has been under
        UN sanctions since 2006. In March, the council imposed new sanctions on the country") is what "the
        country" stands for, a town or city read as a party what "the city" stands for."""
        if self._reader is None or si >= len(self.sents):
            return None
        lo = self.sents[max(0, si - 3)].start_char
        for ent in reversed(self.doc.ents):
            if ent.label_ != "GPE" or ent.start_char >= before or ent.start_char < lo:
                continue
            m = self._reader(ent.text)
            if m is not None and m.country and (m.rule or "").startswith(readings):
                return Mention(ent.text, m.country, m.sector, m.name, False, False, si, ent.start_char)
        return None

    def resolve(self, text: str, coder: ArgumentsMixin) -> ActorMatch | None:
        """The knowledge base's reading of a mention in this article (its context and date); a name it
        cannot resolve alone takes what the article said of it before (read_names)."""
        key = (text, self.context_text)
        if key not in self._resolved:  # the same mention is read again by every event and role that names it
            self._resolved[key] = _safe(lambda: coder.actors.resolve(text, context=self.context_text, date=self.published))
        m = self._resolved[key]
        if m is None and self._memo is not None:
            m = _safe(lambda: self._memo.recall(text) if self._memo is not None else None)
        elif m is not None and self._memo is not None:  # "the minister": the one the article introduced
            m = _safe(lambda: self._memo.same_role(text, m) if self._memo is not None else None) or m
        return m

    def antecedent_with(self, si: int, sectors: set[str]) -> Mention | None:
        """'the group' names the armed group the article last spoke of (within five sentences)."""
        for m in reversed(self.mentions):
            if m.sent_i < si - 5:
                break
            if m.sector in sectors:
                return m
        return None

    def regime(self, coder: ArgumentsMixin) -> Mention | None:
        """'the regime' names the government the article already called a regime."""
        if not hasattr(self, "_regime"):
            self._regime: Mention | None = None
            for ent in self.doc.ents:
                nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
                if ent.label_ in {"NORP", "GPE", "PERSON"} and nxt is not None and nxt.lower_ == "regime":
                    m = self.resolve(ent.text, coder)
                    self._regime = Mention(f"{ent.text} regime", m.country if m else None, "GOV", None,
                                            False, False, 0)
                    break
        return self._regime

    def earlier_attacker(self, si: int, window: int = EARLIER_ATTACK_WINDOW) -> ActorRef | None:
        """The actor of the nearest attack already coded in this sentence or the ``window`` before it that
        names one: who an agentless attack that follows it in the report is most likely by ("The IRA's
        Belfast brigade detonated 20 bombs ... At Oxford St, four workers and two soldiers were killed")."""
        for esi, ev in reversed(self._events):
            if esi < si - window:
                break
            if ev.plover_type != "ASSAULT":
                continue
            acts = [a for a in ev.actors if a.role == "actor" and a.country]
            if acts:
                return acts[0]
        return None

    def last_attacker_against(self, country: str | None) -> ActorRef | None:
        for _, ev in reversed(self._events):
            if ev.plover_type != "ASSAULT":
                continue
            recips = [a for a in ev.actors if a.role == "recipient"]
            if country and not any(r.country == country for r in recips):
                continue
            acts = [a for a in ev.actors if a.role == "actor" and a.country]
            if acts:
                return acts[0]
        return None
