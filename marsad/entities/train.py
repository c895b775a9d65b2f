"""Train the shipped CRF entity tagger from the shared data.

``train(out_dir, data_dir)`` reproduces ``marsad/resources/ner/`` from ANERcorp (CAMeL Lab train split):
it copies the lexical tables (``gazetteer.tsv``, ``clusters.tsv``; rebuilt by ``tools/ner/build_gazetteers.py``
and ``tools/ner/build_embeddings.py``), builds the WikiFANE tables for feature sets >= 5
(:mod:`marsad.entities.wikilex`) and fits an L-BFGS CRF with python-crfsuite. The hyper-parameters
below were chosen on a dev slice (the last 10% of train sentences), never on test.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from pathlib import Path

from marsad.entities.conll import Sentence, read_conll
from marsad.entities.features import Featurizer
from marsad.entities.gazetteers import RESOURCES
from marsad.entities.wikilex import build as build_wikilex

TRAIN_FILE = "ANERcorp-CamelLabSplits/ANERCorp_CamelLab_train.txt"
#: Lexical tables the features read; copied next to the model.
TABLES = ("gazetteer.tsv", "clusters.tsv", "lexstats.tsv", "selflex.tsv", "selfphr.tsv", "emb.tsv", "wikilex.tsv",
          "wikiphr.tsv")
#: Feature-set version of the shipped model.
FEATURES = 5
DEFAULTS = {"c1": 0.01, "c2": 0.1, "max_iterations": 200}


def fit_crf(sents: list[Sentence], featurizer: Featurizer, model_path: Path, *, c1: float, c2: float,
            max_iterations: int, verbose: bool = False) -> None:
    """Fit one CRF on ``sents`` and write the crfsuite binary model to ``model_path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sents:
        trainer.append(featurizer.sentence([t for t, _ in s]), [g for _, g in s])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(str(model_path))


def dev_split(sents: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """The tuning split: the last ``frac`` of train sentences (in corpus order) is the dev slice."""
    cut = int(len(sents) * (1 - frac))
    return sents[:cut], sents[cut:]


def train(out_dir: str | Path, data_dir: str | Path, seed: int = 13, resources: str | Path | None = None,
          features: int = FEATURES, **params) -> Path:
    """Train the tagger on the full ANERcorp train split and write a model directory.

    Args:
        out_dir: directory to create; receives ``ner.crfsuite``, the tables in ``TABLES`` and ``meta.json``.
        data_dir: the shared data folder (holding ``ANERcorp-CamelLabSplits/``).
        resources: where to take the lexical tables from (default: the shipped ``marsad/resources/ner``).
        features: feature-set version (see ``Featurizer.version``); recorded in ``meta.json``.
        seed: fixed seed (L-BFGS training in crfsuite is deterministic; the seed is recorded and used for any
            shuffling).
        **params: overrides of ``DEFAULTS`` (``c1``, ``c2``, ``max_iterations``).

    Returns:
        The output directory.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    random.seed(seed)
    p = {**DEFAULTS, **params}
    src = Path(resources) if resources else RESOURCES
    for name in TABLES:
        if (src / name).exists() and (out / name).resolve() != (src / name).resolve():
            shutil.copyfile(src / name, out / name)
    if features >= 5:  # WikiFANE gold label shares and names, rebuilt from the shared data (a few seconds)
        build_wikilex(data_dir, out)
    featurizer = Featurizer.load(out, version=features)
    sents = read_conll(Path(data_dir) / TRAIN_FILE)
    t0 = time.time()
    fit_crf(sents, featurizer, out / "ner.crfsuite", **p)
    meta = {"features": features, "train": TRAIN_FILE, "sentences": len(sents), "params": p, "seed": seed,
            "seconds": round(time.time() - t0, 1)}
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return out
