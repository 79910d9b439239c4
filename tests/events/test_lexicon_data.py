"""The trigger lexicon is data (events/data/*.tsv): a typo there must fail here, not silently drop triggers."""

from __future__ import annotations

from eventwire.events import lexicon as lx
from eventwire.events.frames import _FRAMES
from eventwire.taxonomy import plover


def test_every_trigger_names_a_plover_type_and_a_known_frame() -> None:
    for tr in lx.VERB_TRIGGERS:
        assert plover.is_plover_type(tr.plover_type), tr
        assert tr.mode is None or plover.is_plover_mode(tr.plover_type, tr.mode), tr
        assert tr.frame is None or tr.frame in _FRAMES, tr
    for lemma, (ptype, mode) in lx.NOUN_TRIGGERS.items():
        assert plover.is_plover_type(ptype), lemma
        assert mode is None or plover.is_plover_mode(ptype, mode), lemma


def test_no_reading_is_listed_twice() -> None:
    keys = [(t.lemma, t.plover_type, t.mode, t.frame, t.particle, t.objects) for t in lx.VERB_TRIGGERS]
    assert len(keys) == len(set(keys))


def test_every_verbal_noun_names_a_plover_type_and_mode() -> None:
    from eventwire.events.verbal import VERBAL_NOUNS

    assert VERBAL_NOUNS
    for lemma, entries in VERBAL_NOUNS.items():
        for e in entries:
            assert plover.is_plover_type(e.plover_type), lemma
            assert e.mode is None or plover.is_plover_mode(e.plover_type, e.mode), lemma
