"""The taxonomy tables and crosswalks: every mapping target must be a real code."""

from __future__ import annotations

import pytest

from eventwire.taxonomy import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    CAMEO_ROOTS,
    PLOVER_TYPES,
    acled_event_type,
    cameo_quad_class,
    cameo_root,
    default_acled,
    is_acled_sub_event_type,
    is_cameo_root,
    is_plover_type,
    plover_modes,
    quad_class,
)
from eventwire.taxonomy.mapping import mapping_rows, table_problems


def test_sizes_match_the_published_taxonomies() -> None:
    assert len(PLOVER_TYPES) == 16
    assert len(ACLED_EVENT_TYPES) == 6
    assert len(ACLED_SUB_EVENT_TYPES) == 25
    assert sorted(CAMEO_ROOTS) == [f"{i:02d}" for i in range(1, 21)]


def test_validators() -> None:
    assert is_plover_type("ASSAULT")
    assert not is_plover_type("assault")
    assert not is_plover_type("FIGHT")
    assert "heavy-weapons" in plover_modes("ASSAULT")
    assert plover_modes("AGREE") == ()
    with pytest.raises(KeyError):
        plover_modes("NOPE")


def test_quad_classes_agree_between_plover_and_cameo() -> None:
    for ptype in PLOVER_TYPES:
        assert quad_class(ptype) in (1, 2, 3, 4)
        root = cameo_root(ptype)
        assert root is not None
        # CONCEDE is verbal in PLOVER but sits under CAMEO 08 "yield" (material cooperation).
        if ptype != "CONCEDE":
            assert cameo_quad_class(root) == quad_class(ptype), ptype


def test_every_type_and_mode_has_a_row_and_every_target_is_valid() -> None:
    assert table_problems() == []
    rows = mapping_rows()
    for ptype in PLOVER_TYPES:
        for mode in (None, *plover_modes(ptype)):
            assert (ptype, mode) in rows, (ptype, mode)
            assert is_cameo_root(cameo_root(ptype, mode))
            acled = default_acled(ptype, mode)
            if acled is not None:
                assert is_acled_sub_event_type(acled[1])
                assert acled_event_type(acled[1]) == acled[0]


@pytest.mark.parametrize(
    ("ptype", "mode", "root"),
    [("ASSAULT", "heavy-weapons", "19"), ("ASSAULT", "aerial", "19"), ("ASSAULT", "abduct", "18"),
     ("ASSAULT", "unconventional", "20"), ("ACCUSE", "investigate", "09"), ("PROTEST", "riot", "14"),
     ("COERCE", "arrest", "17"), ("CONSULT", "visit", "04"), ("MOBILIZE", "troops", "15")],
)  # fmt: skip
def test_cameo_roots_follow_the_conversion_table(ptype: str, mode: str, root: str) -> None:
    assert cameo_root(ptype, mode) == root


def test_unknown_mode_falls_back_to_type_and_unknown_type_is_none() -> None:
    assert cameo_root("ASSAULT", "no-such-mode") == cameo_root("ASSAULT")
    assert cameo_root("NOT_A_TYPE") is None
    assert default_acled("NOT_A_TYPE") is None


def test_default_acled() -> None:
    assert default_acled("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert default_acled("ASSAULT", "suicide-attack") == ("Explosions/Remote violence", "Suicide bomb")
    assert default_acled("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert default_acled("COERCE", "arrest") == ("Strategic developments", "Arrests")
    for verbal in ("CONSULT", "ACCUSE", "THREATEN", "REQUEST", "REJECT"):
        assert default_acled(verbal) is None
        for mode in plover_modes(verbal):
            assert default_acled(verbal, mode) is None


def test_acled_event_type() -> None:
    assert acled_event_type("Air/drone strike") == "Explosions/Remote violence"
    assert acled_event_type("Mob violence") == "Riots"
    with pytest.raises(KeyError):
        acled_event_type("Air strike")
