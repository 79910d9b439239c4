import pytest

from eventwire.numbers import count_with_context, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [("five", 5), ("1,200", 1200), ("twenty-one", 21), ("two hundred", 200), ("a", 1), ("101", 101),
     ("three thousand five hundred", 3500), ("2.5 million", 2_500_000)],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["hundreds", "dozens", "several", "banana", ""])
def test_vague_or_not_a_number_stays_none(words):
    assert count_with_context(words).value is None if words else parse_number(words) is None


def test_at_least_is_a_lower_bound():
    c = count_with_context("33", "killing at least")
    assert c.value == 33 and c.lower_bound


def test_hundreds_is_flagged_not_counted():
    c = count_with_context("hundreds")
    assert c.value is None and c.vague == "hundreds"
