"""Every on/off switch (``EVENTWIRE_*``) reads 1/true/yes/on and 0/false/no/off alike, in any case; a typo
is a numbered configuration error naming the variable, never a silent flip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventwire.errors import ConfigError
from eventwire.settings import Settings, switch_on

ON = ("1", "true", "yes", "on", "TRUE", "Yes", " on ")
OFF = ("0", "false", "no", "off", "FALSE", "No", " OFF ")

# every switch the package reads, with its default
SWITCHES = {
    "EVENTWIRE_PREFILTER": True,
    "EVENTWIRE_SENTENCE_FILTER": True,
    "EVENTWIRE_ROLE_MODEL": True,
    "EVENTWIRE_ROLE_PATTERNS": True,
    "EVENTWIRE_INCIDENT_MODEL": True,
    "EVENTWIRE_PROPOSER": True,
    "EVENTWIRE_ACLED_EMBED": True,
    "EVENTWIRE_ATTRIBUTE_TABLE": True,
    "EVENTWIRE_RELEVANCE": True,
    "EVENTWIRE_PLURAL_ANTECEDENT": True,
    "EVENTWIRE_INCIDENT_PARTIES": True,
    "EVENTWIRE_SETTLED_CONTEXT": True,
}
SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"


@pytest.mark.parametrize("value", ON)
def test_every_on_spelling_turns_a_switch_on(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("EVENTWIRE_SOME_SWITCH", value)
    assert switch_on("EVENTWIRE_SOME_SWITCH", False) is True


@pytest.mark.parametrize("value", OFF)
def test_every_off_spelling_turns_a_switch_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("EVENTWIRE_SOME_SWITCH", value)
    assert switch_on("EVENTWIRE_SOME_SWITCH", True) is False


@pytest.mark.parametrize("default", [True, False])
def test_an_unset_or_empty_switch_keeps_its_default(monkeypatch: pytest.MonkeyPatch, default: bool) -> None:
    monkeypatch.delenv("EVENTWIRE_SOME_SWITCH", raising=False)
    assert switch_on("EVENTWIRE_SOME_SWITCH", default) is default
    monkeypatch.setenv("EVENTWIRE_SOME_SWITCH", "  ")
    assert switch_on("EVENTWIRE_SOME_SWITCH", default) is default


def test_a_typo_is_an_error_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_ROLE_MODEL", "of")
    with pytest.raises(ConfigError) as err:
        switch_on("EVENTWIRE_ROLE_MODEL", True)
    assert err.value.code == "E406" and "EVENTWIRE_ROLE_MODEL" in str(err.value)


def _switch_reads() -> Iterator[tuple[str, str]]:
    for path in SRC.rglob("*.py"):
        for m in re.finditer(r'switch_on\(\s*"?(EVENTWIRE_\w+|\w+_ENV|ENV)"?', path.read_text()):
            yield path.name, m.group(1)


def test_the_switch_list_is_every_switch_the_package_reads() -> None:
    """A new switch read with switch_on appears here; none is read by comparing os.environ with "0"."""
    named = {name for _, name in _switch_reads() if name.startswith("EVENTWIRE_")}
    constants = {"ATTRIBUTE_TABLE_ENV": "EVENTWIRE_ATTRIBUTE_TABLE", "EMBED_ENV": "EVENTWIRE_ACLED_EMBED"}
    named |= {constants[name] for _, name in _switch_reads() if name in constants}
    named |= {"EVENTWIRE_PREFILTER", "EVENTWIRE_SENTENCE_FILTER"}  # read by Settings.from_env in a loop
    assert named == set(SWITCHES)
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r'environ\.get\([^)]*EVENTWIRE[^)]*\)\s*==\s*"0"', text), path
        assert '{"0", "false", "no", "off"}' not in text or path.name == "settings.py", path


@pytest.mark.parametrize(("value", "expected"), [(v, True) for v in ON] + [(v, False) for v in OFF])
@pytest.mark.parametrize(("name", "field"), [("EVENTWIRE_PREFILTER", "prefilter"),
                                             ("EVENTWIRE_SENTENCE_FILTER", "prefilter_learned")])
def test_settings_switches(monkeypatch: pytest.MonkeyPatch, name: str, field: str, value: str,
                           expected: bool) -> None:
    monkeypatch.setenv(name, value)
    assert getattr(Settings.from_env(), field) is expected


def test_settings_switch_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_PREFILTER", raising=False)
    monkeypatch.delenv("EVENTWIRE_SENTENCE_FILTER", raising=False)
    s = Settings.from_env()
    assert s.prefilter is SWITCHES["EVENTWIRE_PREFILTER"]
    assert s.prefilter_learned is SWITCHES["EVENTWIRE_SENTENCE_FILTER"]


# the learned role model and the within-article link model: each switch decides whether its model file is loaded
CACHED_MODELS = [("EVENTWIRE_ROLE_MODEL", "roles", "RoleModel", "default_role_model", "ROLE_MODEL_FILE"),
                 ("EVENTWIRE_INCIDENT_MODEL", "incident_links", "LinkModel", "default_link_model", "LINK_MODEL_FILE")]


@pytest.mark.parametrize("switch", CACHED_MODELS, ids=[c[0] for c in CACHED_MODELS])
@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("On", True), ("1", True), ("no", False),
                                                 ("FALSE", False), ("off", False)])
def test_model_switches(monkeypatch: pytest.MonkeyPatch, switch: tuple[str, ...], value: str, expected: bool) -> None:
    import importlib

    name, module, model, loader, model_file = switch
    mod = importlib.import_module(f"eventwire.events.{module}")
    sentinel = object()
    monkeypatch.setattr(getattr(mod, model), "load", classmethod(lambda cls: sentinel))
    monkeypatch.setenv(name, value)
    got = getattr(mod, loader).__wrapped__()  # past the process cache
    assert (got is sentinel) is (expected and getattr(mod, model_file).exists())
    assert got is None or expected


@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("0", False), ("false", False)])
def test_proposer_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    from eventwire.events import proposer
    from eventwire.nlp import minilm

    sentinel = object()
    monkeypatch.setattr(proposer.SentenceProposer, "load", classmethod(lambda cls: sentinel))
    monkeypatch.setattr(minilm, "available", lambda: True)
    monkeypatch.setenv("EVENTWIRE_PROPOSER", value)
    got = proposer.default_proposer.__wrapped__()  # past the process cache
    assert (got is sentinel) is (expected and proposer.MODEL_FILE.exists())
    assert got is None or expected


@pytest.mark.parametrize(("value", "expected"), [("on", True), ("YES", True), ("off", False), ("no", False)])
def test_acled_embed_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    from eventwire.events import acled

    monkeypatch.setattr(acled, "_cached_embedding", lambda text: "vector")
    monkeypatch.setenv(acled.EMBED_ENV, value)
    assert (acled._embedding("Police fired tear gas at protesters.") == "vector") is expected


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("no", False), ("Off", False)])
def test_role_patterns_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    from eventwire.events import role_patterns

    calls: list[object] = []

    def spec() -> tuple[list[object], object]:
        calls.append(1)
        return [], None

    monkeypatch.setattr(role_patterns, "_spec", spec)
    monkeypatch.setattr(role_patterns, "_matcher", lambda vocab: lambda doc: [])
    monkeypatch.setenv("EVENTWIRE_ROLE_PATTERNS", value)
    doc = SimpleNamespace(vocab=None)
    assert role_patterns.find(doc) == {}  # type: ignore[arg-type]
    assert bool(calls) is expected


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("on", True), ("false", False), ("no", False)])
def test_attribute_table_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    import spacy

    import eventwire.nlp as nlp_mod
    from eventwire.nlp import attribute_table

    used: list[object] = []
    monkeypatch.setattr(spacy, "load", lambda name: spacy.blank("en"))
    monkeypatch.setattr(nlp_mod, "add_components", lambda nlp: nlp)
    monkeypatch.setattr(attribute_table, "use_attribute_table", lambda nlp: used.append(nlp))
    monkeypatch.setenv(nlp_mod.ATTRIBUTE_TABLE_ENV, value)
    nlp_mod.load_spacy.__wrapped__("any-pipeline")  # past the process cache
    assert bool(used) is expected
