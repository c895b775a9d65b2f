"""marsad.entities.fastcrf against python-crfsuite: same labels, same marginals, same state scores.

A tiny CRF is trained here on hand-written sentences (about a second); the shipped model is checked on
sentences written for this test too.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from marsad.entities.fastcrf import FastCrf, ModelFormatError, read_model
from marsad.entities.features import Featurizer, load_phrases, load_selflex
from marsad.entities.gazetteers import RESOURCES

pycrfsuite = pytest.importorskip("pycrfsuite")

#: Hand-written training sentences: (word, label) pairs.
TRAIN = [
    "قال/O الرئيس/O الروسي/O فلاديمير/B-PERS بوتين/I-PERS في/O موسكو/B-LOC إن/O بلاده/O مستعدة/O",
    "أعلنت/O الأمم/B-ORG المتحدة/I-ORG أمس/O عن/O خطة/O جديدة/O في/O السودان/B-LOC",
    "التقى/O وزير/O الخارجية/O سامح/B-PERS شكري/I-PERS نظيره/O الأردني/O في/O عمان/B-LOC",
    "وصل/O الأمين/O العام/O لجامعة/B-ORG الدول/I-ORG العربية/I-ORG إلى/O بغداد/B-LOC",
    "« نحن/O مع/O السلام/O »/O قال/O محمد/B-PERS علي/I-PERS لصحيفة/O الأهرام/B-ORG",
    "فاز/O فريق/O الأهلي/B-ORG على/O الزمالك/B-ORG في/O كأس/B-MISC مصر/I-MISC",
    "ارتفعت/O أسعار/O النفط/O في/O لندن/B-LOC ونيويورك/B-LOC يوم/O الاثنين/O",
    "ذكرت/O وكالة/B-ORG رويترز/I-ORG أن/O رئيس/O الوزراء/O أحمد/B-PERS سالم/I-PERS استقال/O",
    # words holding "|", the separator of pair features: the pair table must not confuse their splits
    "سعر/O |/O النفط|الخام/O |/O ارتفع/O في/O |لندن/B-LOC",
]
#: Words the test sentences are drawn from (including ones the tiny model never saw).
VOCAB = sorted({p.split("/")[0] for s in TRAIN for p in s.split(" ") if "/" in p} | {
    "«", "»", "2009", "،", ".", "الشرطة", "طرابلس", "القاهرة", "مجلس", "الأمن", "الدولي", "الملك", "عبدالله",
    "ونقلت", "الجزيرة", "بيروت", "دمشق", "حزب", "الله", "منظمة", "الصحة", "العالمية", "xyz", "42",
    # spelling variants and numbers that share a word key (and so a cached row) with other words here
    "احمد", "أحْمد", "٤٢", "17", "2010", "“", "بوتين", "بُوتين", "ـبوتين"})


def _parse(line: str) -> tuple[list[str], list[str]]:
    pairs = [p.rsplit("/", 1) if "/" in p else (p, "O") for p in line.split(" ")]
    return [w for w, _ in pairs], [g for _, g in pairs]


def _sentences(seed: int, count: int) -> list[list[str]]:
    """Random word sequences of length 1..30, plus every training sentence."""
    rng = random.Random(seed)
    out = [_parse(s)[0] for s in TRAIN]
    out += [[w] for w in VOCAB[:10]]
    for _ in range(count):
        out.append([rng.choice(VOCAB) for _ in range(rng.randint(1, 30))])
    return out


#: Hand-written WikiFANE-style tables for feature set 5 (word label-share buckets; names with their type).
WIKILEX = ["بوتين\t3\t5\t0\t0\t0\t4", "موسكو\t10\t0\t5\t0\t0\t5", "الامم\t10\t0\t0\t3\t0\t5",
           "في\t100\t0\t0\t0\t0\t-", "الاهلي\t3\t0\t0\t4\t0\t5"]
WIKIPHR = ["ORG\tالامم المتحده", "PERS\tفلاديمير بوتين", "ORG\tمجلس الامن الدولي", "ORG\tمنظمه الصحه العالميه",
           "MISC\tكاس مصر"]


@pytest.fixture(scope="module", params=[1, 2, 3, 4, 5])
def tiny(request, tmp_path_factory):
    """A tiny CRF trained on ``TRAIN`` with feature set ``version``, with its featurizer."""
    fz = Featurizer.load(RESOURCES, version=request.param)
    if request.param == 5:
        d = tmp_path_factory.mktemp("wiki")
        (d / "wikilex.tsv").write_text("\n".join(WIKILEX) + "\n", encoding="utf-8")
        (d / "wikiphr.tsv").write_text("\n".join(WIKIPHR) + "\n", encoding="utf-8")
        fz.wikilex = load_selflex(d / "wikilex.tsv")
        fz.wikiphr = load_phrases(d / "wikiphr.tsv")
    trainer = pycrfsuite.Trainer(verbose=False)
    for line in TRAIN:
        words, gold = _parse(line)
        trainer.append(fz.sentence(words), gold)
    trainer.set_params({"c1": 0.01, "c2": 0.1, "max_iterations": 60, "feature.possible_transitions": True,
                        "feature.minfreq": 1})
    path = tmp_path_factory.mktemp(f"crf{request.param}") / "tiny.crfsuite"
    trainer.train(str(path))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return fz, crf, path


def _compare(fz, crf, fast: FastCrf, sents: list[list[str]]) -> None:
    labels = fast.labels
    assert labels == list(crf.labels())
    for words in sents:
        feats = fz.sentence(words)
        assert fast.viterbi(words) == crf.tag(feats), words
        crf.set(feats)
        ref = np.array([[crf.marginal(lab, t) for lab in labels] for t in range(len(words))])
        got = fast.marginals(words)
        assert got.shape == ref.shape
        assert np.abs(got - ref).max() < 1e-6, words
        assert np.abs(fast.emissions(words) - fast.emissions_from_features(feats)).max() < 1e-9, words


def test_fastcrf_tiny_model_matches_pycrfsuite(tiny):
    fz, crf, path = tiny
    _compare(fz, crf, FastCrf(path, fz), _sentences(seed=7, count=300))


def test_fastcrf_weights_match_tagger_info(tiny):
    _, crf, path = tiny
    labels, attrs, W, T = read_model(path)
    info = crf.info()
    col = {lab: i for i, lab in enumerate(labels)}
    row = {a: i for i, a in enumerate(attrs)}
    for (a, lab), w in info.state_features.items():
        assert abs(W[row[a], col[lab]] - w) < 1e-6  # info() prints six decimals
    for (a, b), w in info.transitions.items():
        assert abs(T[col[a], col[b]] - w) < 1e-6
    assert len(info.state_features) == np.count_nonzero(W)


def test_fastcrf_small_caches_stay_correct(tiny, monkeypatch):
    """A word cache emptied between sentences gives the same answers."""
    import marsad.entities.fastcrf as mod

    monkeypatch.setattr(mod, "MAX_WORDS", 40)
    fz, crf, path = tiny
    _compare(fz, crf, FastCrf(path, fz), _sentences(seed=11, count=60))


def test_fastcrf_empty_sentence(tiny):
    fz, _, path = tiny
    fast = FastCrf(path, fz)
    assert fast.viterbi([]) == []
    assert fast.marginals([]).shape == (0, len(fast.labels))


def test_fastcrf_rejects_other_files(tmp_path):
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just some bytes" * 3)
    with pytest.raises(ModelFormatError):
        read_model(bad)


def test_fastcrf_shipped_model_matches_pycrfsuite():
    model = RESOURCES / "ner.crfsuite"
    if not model.exists():
        pytest.skip(f"no entity model at {model}")
    fz = Featurizer.load(RESOURCES)
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    _compare(fz, crf, FastCrf(model, fz), _sentences(seed=3, count=150))


def test_fastcrf_marginals_in_other_label_order(tiny):
    fz, _, path = tiny
    fast = FastCrf(path, fz)
    words = _parse(TRAIN[0])[0]
    m = fast.marginals(words)
    order = [*reversed(fast.labels), "B-NONE"]
    got = fast.marginals(words, order)
    assert got.shape == (len(words), len(order))
    assert np.allclose(got[:, :-1], m[:, ::-1]) and not got[:, -1].any()


def test_feature_set_5_reads_the_wiki_tables(tiny):
    fz, _, _ = tiny
    if fz.version != 5:
        pytest.skip("feature set 5 only")
    feats = fz.sentence(_parse(TRAIN[1])[0])
    assert "kp=ORG-B" in feats[1] and "kp=ORG-I" in feats[2] and "-1kp=ORG-B" in feats[2]
    assert "kd=ORG3" in feats[1] and "1kd=ORG3" in feats[0]


def test_word_key_decides_word_facts():
    """FastCrf gives tokens with one ``word_key`` one cached row: their facts must be the same."""
    fz = Featurizer.load(RESOURCES, version=5)
    groups = [("أحمد", "احمد", "أحْمد"), ("42", "٤٢", "17"), ("«", "»", "“", '"'), ("بوتين", "بُوتين")]
    for group in groups:
        assert len({fz.word_key(t) for t in group}) == 1, group
        assert len({repr(fz.word_facts(t)) for t in group}) == 1, group
    assert fz.word_key('"') != fz.word_key('"\u064e')  # a quote mark with a diacritic is no quote mark
