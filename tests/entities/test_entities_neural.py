"""The numpy BiLSTM-CNN-CRF (marsad.entities.neural) on a tiny random network built here; no torch needed."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from marsad.entities.features import FLAGS
from marsad.entities.neural import LABELS, NeuralModelError, NeuralTagger, bio_viterbi, crf_marginals, word_keys

H, DIM, CDIM, FILT, FDIM = 3, 4, 3, 5, 2
WORDS = ["<pad>", "<unk>", "قال", "الرئيس", "بوتين", "موسكو"]
CHARS = ["<pad>", "<unk>", *sorted(set("قالرئيسبوتينموسك"))]


def tiny_arrays(seed: int = 0) -> dict[str, np.ndarray]:
    """A random network with the array names and shapes train_bilstm.py exports (torch gate order i,f,g,o)."""
    rng = np.random.default_rng(seed)
    K = len(LABELS)
    D = DIM + FILT + FDIM
    a = {
        "emb__weight": rng.normal(size=(len(WORDS), DIM)).astype(np.float16),
        "cemb__weight": rng.normal(size=(len(CHARS), CDIM)).astype(np.float32),
        "conv__weight": rng.normal(size=(FILT, CDIM, 3)).astype(np.float32),
        "conv__bias": rng.normal(size=FILT).astype(np.float32),
        "flag__weight": rng.normal(size=(FDIM, len(FLAGS))).astype(np.float32),
        "flag__bias": rng.normal(size=FDIM).astype(np.float32),
        "out__weight": rng.normal(size=(K, 2 * H)).astype(np.float32),
        "out__bias": rng.normal(size=K).astype(np.float32),
        "trans": rng.normal(size=(K, K)).astype(np.float32),
        "start": rng.normal(size=K).astype(np.float32),
        "end": rng.normal(size=K).astype(np.float32),
        "words": np.array(WORDS), "chars": np.array(CHARS),
        "meta": np.array(json.dumps({"labels": LABELS, "flags": list(FLAGS), "hidden": H})),
    }
    a["cemb__weight"][0] = 0.0
    for suf in ("", "_reverse"):
        a[f"lstm__weight_ih_l0{suf}"] = rng.normal(size=(4 * H, D)).astype(np.float32)
        a[f"lstm__weight_hh_l0{suf}"] = rng.normal(size=(4 * H, H)).astype(np.float32)
        a[f"lstm__bias_ih_l0{suf}"] = rng.normal(size=4 * H).astype(np.float32)
        a[f"lstm__bias_hh_l0{suf}"] = rng.normal(size=4 * H).astype(np.float32)
    return a


def reference_emissions(a: dict, tokens: list[str], flags: list[list[int]]) -> np.ndarray:
    """One sentence, written out step by step in torch's conventions (no batching, no gate reordering)."""
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    w2i = {w: i for i, w in enumerate(WORDS)}
    c2i = {c: i for i, c in enumerate(CHARS)}
    rows = []
    for tok, fl in zip(tokens, flags):
        keys = word_keys(tok)
        wv = a["emb__weight"][next((w2i[k] for k in keys if k in w2i), 1)].astype(np.float64)
        cs = [c2i.get(ch, 1) for ch in keys[0][:20]]
        padded = [0] + cs + [0, 0] + [0]
        E = a["cemb__weight"][padded]
        conv = [np.maximum(np.einsum("fdk,kd->f", a["conv__weight"], E[j:j + 3]) + a["conv__bias"], 0)
                for j in range(len(cs) + 2)]
        f = np.zeros(len(FLAGS))
        f[fl] = 1
        rows.append(np.concatenate([wv, np.max(conv, axis=0), np.tanh(a["flag__weight"] @ f + a["flag__bias"])]))
    X = np.array(rows)
    hs = {}
    for suf, seq in (("", X), ("_reverse", X[::-1])):
        h, c, out = np.zeros(H), np.zeros(H), []
        for x in seq:
            z = (a[f"lstm__weight_ih_l0{suf}"] @ x + a[f"lstm__bias_ih_l0{suf}"] + a[f"lstm__weight_hh_l0{suf}"] @ h
                 + a[f"lstm__bias_hh_l0{suf}"])
            i, fg, g, o = sig(z[:H]), sig(z[H:2 * H]), np.tanh(z[2 * H:3 * H]), sig(z[3 * H:])
            c = fg * c + i * g
            h = o * np.tanh(c)
            out.append(h)
        hs[suf] = np.array(out) if suf == "" else np.array(out[::-1])
    return np.concatenate([hs[""], hs["_reverse"]], axis=1) @ a["out__weight"].T + a["out__bias"]


SENTS = [["قال", "الرئيس", "بوتين"], ["موسكو"], ["والرئيس", "xyz", "بوتين", "في", "موسكو", "اليوم"]]


def test_neural_batched_emissions_match_step_by_step_reference():
    a = tiny_arrays()
    net = NeuralTagger(a, FLAGS)
    flags = [[[i % len(FLAGS)] for i, _ in enumerate(s)] for s in SENTS]
    ems = net.emissions(SENTS, flags)
    for s, fl, em in zip(SENTS, flags, ems):
        assert em.shape == (len(s), len(LABELS))
        np.testing.assert_allclose(em, reference_emissions(a, s, fl), rtol=1e-4, atol=1e-4)
    # a sentence gives the same scores alone as inside a batch
    np.testing.assert_allclose(net.emissions(SENTS[:1], flags[:1])[0], ems[0], rtol=1e-5, atol=1e-5)


def test_neural_flags_are_matched_by_name():
    a = tiny_arrays()
    shuffled = list(reversed(FLAGS))
    net = NeuralTagger(a, shuffled)  # the caller numbers flags differently: same input columns by name
    ref = NeuralTagger(a, FLAGS)
    fl = [[[0, 3]] * 3]
    moved = [[[shuffled.index(FLAGS[0]), shuffled.index(FLAGS[3])]] * 3]
    np.testing.assert_allclose(net.emissions(SENTS[:1], moved)[0], ref.emissions(SENTS[:1], fl)[0], atol=1e-6)


def test_neural_marginals_match_enumeration():
    rng = np.random.default_rng(1)
    K = len(LABELS)
    trans, start, end = rng.normal(size=(K, K)), rng.normal(size=K), rng.normal(size=K)
    ems = [rng.normal(size=(3, K)), rng.normal(size=(1, K)), rng.normal(size=(2, K))]
    got = crf_marginals(ems, trans, start, end)
    for em, m in zip(ems, got):
        n = len(em)
        want = np.zeros((n, K))
        for path in itertools.product(range(K), repeat=n):
            s = start[path[0]] + end[path[-1]] + sum(em[t, k] for t, k in enumerate(path))
            s += sum(trans[path[t - 1], path[t]] for t in range(1, n))
            for t, k in enumerate(path):
                want[t, k] += np.exp(s)
        np.testing.assert_allclose(m, want / want.sum(1, keepdims=True), rtol=1e-8, atol=1e-10)


def valid_bio(labels: list[str]) -> bool:
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            return False
        prev = lab
    return True


def test_bio_viterbi_is_best_valid_path():
    rng = np.random.default_rng(2)
    K = len(LABELS)
    logp = [rng.normal(size=(n, K)) * 3 for n in (3, 1, 2, 3)]
    for lp, got in zip(logp, bio_viterbi(logp, LABELS)):
        assert valid_bio(got)
        best = max((p for p in itertools.product(range(K), repeat=len(lp)) if valid_bio([LABELS[k] for k in p])),
                   key=lambda p: sum(lp[t, k] for t, k in enumerate(p)))
        assert got == [LABELS[k] for k in best]


def test_neural_tag_many_returns_valid_bio():
    net = NeuralTagger(tiny_arrays(3), FLAGS)
    out = net.tag_many([*SENTS, []])
    assert [len(x) for x in out] == [len(s) for s in SENTS] + [0]
    assert all(set(x) <= set(LABELS) for x in out)


def test_neural_missing_array_is_a_typed_error(tmp_path):
    a = tiny_arrays()
    del a["trans"]
    with pytest.raises(NeuralModelError):
        NeuralTagger(a, FLAGS)
    with pytest.raises(NeuralModelError):
        NeuralTagger.load(tmp_path / "absent.npz", FLAGS)


def test_ensemble_with_shipped_crf_yields_valid_bio_and_exact_offsets(tmp_path, tagger):
    """The CRF of the shipped model mixed with a random network: any mix must decode to valid BIO."""
    import shutil

    from marsad.entities.tagger import NerTagger

    src = tagger.model_dir
    for f in src.iterdir():
        if f.is_file() and f.name not in ("neural.npz", "ensemble.json"):
            shutil.copyfile(f, tmp_path / f.name)
    np.savez(tmp_path / "neural.npz", **tiny_arrays(4))
    for w, b in ((0.5, 0.0), (0.9, 2.0), (1.0, -1.0)):
        (tmp_path / "ensemble.json").write_text(json.dumps({"nn_weight": w, "o_bias": b}))
        t = NerTagger.load(tmp_path)
        assert t.kind == "crf+bilstm"
        for labs in t.tag_many(SENTS, document=True):
            assert valid_bio(labs)
        text = "قال الرئيس الروسي فلاديمير بوتين في موسكو. وأضاف بوتين أن روسيا مستعدة."
        for s, e, typ in t.find(text):
            assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
    # a second network stored without word vectors borrows the first one's; marginals are averaged
    second = {k: v for k, v in tiny_arrays(5).items() if k not in ("emb__weight", "words")}
    np.savez(tmp_path / "neural_b.npz", **second)
    (tmp_path / "ensemble.json").write_text(json.dumps({"nn_weight": 0.6, "o_bias": 1.0, "mix": "log",
                                                        "networks": ["neural.npz", "neural_b.npz"]}))
    t = NerTagger.load(tmp_path)
    assert t.kind == "crf+2xbilstm" and t.networks[1].emb is t.networks[0].emb
    assert all(valid_bio(labs) for labs in t.tag_many(SENTS))
    assert NerTagger.load(tmp_path, neural=False).kind == "crf"
