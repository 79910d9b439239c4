"""The all-MiniLM-L6-v2 forward pass as an ONNX graph, run by onnxruntime: the fast path of minilm.py.

Why: the numpy pass spends ~90% of its time in OpenBLAS matmuls whose row count is one sentence's
tokens (~30-50); OpenBLAS is slow at that shape (~15 GFLOP/s on one thread here), onnxruntime's
MLAS kernels are several times faster on it (figures: docs/acled_model.md). The graph is built here,
in memory, from the same safetensors tensors the numpy pass reads, with the ``onnx`` package's helper
API: no model file is downloaded or shipped, and both paths compute the same maths (mean pooling,
unit length), so their vectors agree to float32 rounding (tests/snippets/test_minilm.py).

Optional: ``onnx`` and ``onnxruntime`` come with the ``onnx`` extra; without them minilm.py runs numpy.
"""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np

# Opset 17 is the first with LayerNormalization; onnxruntime >= 1.14 runs it.
OPSET = 17


def available() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


class _Graph:
    """Collects nodes and initializers; names are generated so the builder reads like the maths."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self._n = 0

    def const(self, array: Any, name: str | None = None) -> str:
        from onnx import numpy_helper

        self._n += 1
        name = name or f"c{self._n}"
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, op_type: str, *inputs: str, **attrs: Any) -> str:
        from onnx import helper

        self._n += 1
        out = f"{op_type.lower()}{self._n}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], **attrs))
        return out


def build_model(w: dict[str, np.ndarray], layers: int, heads: int, eps: float) -> bytes:
    """Serialized ONNX model: (embedded float32 [B, L, DIM], attention_mask float32 [B, L]) -> [B, DIM].

    ``w`` holds the tensors as minilm.MiniLM keeps them: linear weights already transposed to (in, out)
    and the query/key/value projections fused into one ``qkv`` matrix. The tensors the graph takes are
    removed from ``w`` as they are copied in, so that the numpy copy and the graph's never both sit in
    memory whole (peak RSS of a worker); the embedding tables stay.
    """
    from onnx import TensorProto, helper

    g = _Graph()
    dim = w["embeddings.LayerNorm.weight"].shape[0]
    take = w.pop
    head = dim // heads

    def linear(x: str, prefix: str) -> str:
        return g.op("Add", g.op("MatMul", x, g.const(take(prefix + ".weight"))), g.const(take(prefix + ".bias")))

    def layer_norm(x: str, prefix: str) -> str:
        return g.op(
            "LayerNormalization", x, g.const(take(prefix + ".weight")), g.const(take(prefix + ".bias")),
            axis=-1, epsilon=eps,
        )

    # The input is the sum of word, position and token-type embeddings (looked up in numpy by the
    # caller): the 47 MB word table then stays out of the graph, whose copies onnxruntime would hold.
    x_in, mask = "embedded", "attention_mask"
    x = layer_norm(x_in, "embeddings.LayerNorm")
    # Padding keys get a large negative score, as in the numpy pass: (1 - mask) * -1e9, shape [B,1,1,L].
    bias = g.op("Mul", g.op("Sub", g.const(np.float32(1.0)), mask), g.const(np.float32(-1e9)))
    bias = g.op("Unsqueeze", bias, g.const(np.array([1, 2], dtype=np.int64)))
    split_heads = g.const(np.array([0, 0, heads, head], dtype=np.int64))  # 0 keeps that dimension
    merge_heads = g.const(np.array([0, 0, dim], dtype=np.int64))
    scale = g.const(np.float32(1.0 / math.sqrt(head)))
    for i in range(layers):
        p = f"encoder.layer.{i}."
        qkv_w, qkv_b = take(p + "attention.self.qkv.weight"), take(p + "attention.self.qkv.bias")
        q, k, v = (
            g.op("Add", g.op("MatMul", x, g.const(qkv_w[:, j * dim : (j + 1) * dim].copy())),
                 g.const(qkv_b[j * dim : (j + 1) * dim].copy()))
            for j in range(3)
        )
        q = g.op("Transpose", g.op("Reshape", g.op("Mul", q, scale), split_heads), perm=[0, 2, 1, 3])
        k = g.op("Transpose", g.op("Reshape", k, split_heads), perm=[0, 2, 3, 1])
        v = g.op("Transpose", g.op("Reshape", v, split_heads), perm=[0, 2, 1, 3])
        scores = g.op("Softmax", g.op("Add", g.op("MatMul", q, k), bias), axis=-1)
        ctx = g.op("Reshape", g.op("Transpose", g.op("MatMul", scores, v), perm=[0, 2, 1, 3]), merge_heads)
        x = layer_norm(g.op("Add", x, linear(ctx, p + "attention.output.dense")), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        # Exact (erf) GELU: x * (1 + erf(x / sqrt 2)) / 2
        erf = g.op("Erf", g.op("Mul", h, g.const(np.float32(1.0 / math.sqrt(2.0)))))
        h = g.op("Mul", g.op("Mul", h, g.op("Add", erf, g.const(np.float32(1.0)))), g.const(np.float32(0.5)))
        x = layer_norm(g.op("Add", x, linear(h, p + "output.dense")), p + "output.LayerNorm")
    # Mean over real tokens (special tokens included), then unit length: as minilm.MiniLM._forward.
    axis1 = g.const(np.array([1], dtype=np.int64))
    summed = g.op("ReduceSum", g.op("Mul", x, g.op("Unsqueeze", mask, g.const(np.array([2], dtype=np.int64)))), axis1,
                  keepdims=0)
    count = g.op("Max", g.op("ReduceSum", mask, axis1, keepdims=1), g.const(np.float32(1e-9)))
    pooled = g.op("Div", summed, count)
    norm = g.op("Sqrt", g.op("ReduceSum", g.op("Mul", pooled, pooled), axis1, keepdims=1))
    out = g.op("Div", pooled, g.op("Max", norm, g.const(np.float32(1e-12))))
    g.nodes.append(helper.make_node("Identity", [out], ["embedding"]))
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info(x_in, TensorProto.FLOAT, ["batch", "length", dim]),
            helper.make_tensor_value_info(mask, TensorProto.FLOAT, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", dim])],
        g.inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8  # what onnxruntime releases since 1.14 read
    return bytes(model.SerializeToString())


# quantize_dynamic's settings; part of the cache key, so a change here builds a new file
QUANTISE = {"per_channel": True, "reduce_range": True, "op_types_to_quantize": ["MatMul"]}


def quantized(model: bytes) -> bytes:
    """The graph with its weight MatMuls in int8 (onnxruntime's own dynamic quantisation).

    Per output channel and with a 7-bit range (``reduce_range``): per-tensor scales moved the vectors by
    a mean cosine of 0.04 on CASE 2021 snippets, per-channel ones by 0.006; the 7-bit range keeps the
    integer products clear of int16 saturation on CPUs without VNNI, so every CPU gives the same
    vectors. Activations are quantised per call (dynamic); the attention's activation-by-activation
    MatMuls stay float32. Quantising costs ~1.5-2 s CPU, so the result (~11 MB) is kept in eventwire's
    cache folder (places.cache_dir), keyed by a hash of the float32 graph, onnxruntime's version and
    the settings: built at first use from the installed weights, nothing downloaded. Where the folder
    cannot be written it is built again at each load.
    """
    import hashlib

    import onnxruntime as ort

    from ..places.gazetteer import cache_dir

    key = hashlib.sha256(model + f"|{ort.__version__}|{sorted(QUANTISE.items())}".encode()).hexdigest()[:20]
    path = cache_dir() / f"minilm-int8-{key}.onnx"
    try:
        return path.read_bytes()
    except OSError:
        pass
    out = _quantise(model)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(out)
        os.replace(tmp, path)  # atomic: a worker starting alongside never reads half a file
    except OSError:
        pass
    return out


def _quantise(model: bytes) -> bytes:
    import logging
    import tempfile
    from pathlib import Path

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    proto = onnx.load_from_string(model)
    previous = logging.root.manager.disable
    # quantize_dynamic logs a root-logger warning advising shape pre-processing, which this graph (fixed
    # shapes but for batch and length) does not need; it would reach every CLI user's stderr.
    logging.disable(logging.WARNING)
    try:
        # quantize_dynamic writes a file: a temporary folder, removed at once
        with tempfile.TemporaryDirectory(prefix="eventwire-minilm-") as tmp:
            out = Path(tmp) / "int8.onnx"
            quantize_dynamic(proto, out, weight_type=QuantType.QInt8, **QUANTISE)
            return out.read_bytes()
    finally:
        logging.disable(previous)


class OnnxEncoder:
    """An onnxruntime session over build_model's graph, on one intra-op thread (see MiniLM.encode)."""

    def __init__(self, w: dict[str, np.ndarray], layers: int, heads: int, eps: float, *, int8: bool = False) -> None:
        """``int8``: run the weight MatMuls in int8 (quantized(): ~2x less CPU, vectors within ~0.006
        cosine of the float32 ones, so ACLED labels can change: docs/scale.md)."""
        import onnxruntime as ort

        opts = ort.SessionOptions()
        # One thread: pipeline workers are one process per core; spinning threads would steal from them.
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        model = build_model(w, layers, heads, eps)
        if int8:
            model = quantized(model)
        self.session = ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])

    def forward(self, embedded: np.ndarray, mask: np.ndarray) -> np.ndarray:
        out = self.session.run(["embedding"], {"embedded": embedded, "attention_mask": mask})[0]
        return np.asarray(out, dtype=np.float32)
