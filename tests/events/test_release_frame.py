"""A release is RETREAT only when people are freed (frames._frame_release). Sentences written for these
tests, not taken from any evaluation set."""

from __future__ import annotations

import eventwire


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in eventwire.extract(text, published="2022-05-10")]


def test_releasing_images_or_names_of_people_frees_nobody():
    assert "RETREAT" not in _types("Police released CCTV footage of the two suspects on Saturday.")
    assert "RETREAT" not in _types("Authorities in Kano released the names of the detainees on Friday.")


def test_releasing_people_counted_or_grouped_is_a_release():
    assert "RETREAT" in _types("The rebels released hundreds of prisoners in Goma on Monday.")
    assert "RETREAT" in _types("Taliban fighters released a group of hostages in Ghazni on Sunday.")
