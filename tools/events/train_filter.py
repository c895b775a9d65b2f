"""Train the candidate filter (``marsad/resources/events/filter.json``) on DEV data only.

Training examples are the trigger candidates the coder finds in DEV sentences:
* arabic-event-gsr DEV rows (even rows; ``yes`` / ``easy no``): candidates of the file's type, labelled by
  the sentence label;
* Marsad's own 14-type gold DEV half (``eval/events/gold.tsv``), when present: every candidate, labelled by
  whether the sentence's gold types include the candidate's type.
A logistic regression (scikit-learn, at training time only) gives one weight per feature string. The
per-type thresholds are chosen on cross-validated DEV scores to maximise sentence-level F1.

    .venv/bin/python tools/events/train_filter.py [--C 0.1]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from marsad.events.actors import entities_for  # noqa: E402
from marsad.events.coder import candidates  # noqa: E402
from marsad.events.evaluate import GSR_TYPES, gsr_rows, sentence_article  # noqa: E402
from marsad.events.filter import Filter, all_features  # noqa: E402
from marsad.events.lexicon import RESOURCES, TYPES  # noqa: E402


def examples():
    """(features, label, group, type, sentence_gold) for every DEV candidate."""
    out = []
    g = 0
    for typ in GSR_TYPES:
        for text, gold in gsr_rows(typ, "dev"):
            g += 1
            for c in candidates(sentence_article(text, entities=entities_for(text))):
                if c.entry.type == typ:
                    out.append((all_features(c), int(gold), g, typ, gold))
    try:
        from marsad.events.gold import gold_sentences
        for text, types in gold_sentences("dev"):
            g += 1
            for c in candidates(sentence_article(text, entities=entities_for(text))):
                out.append((all_features(c), int(c.entry.type in types), g, c.entry.type, c.entry.type in types))
    except (ImportError, FileNotFoundError) as exc:
        print(f"no 14-type gold: {exc}", file=sys.stderr)
    return out


def best_threshold(scores_by_group: dict, golds: dict) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.96, 0.01):
        tp = fp = fn = 0
        for grp, s in scores_by_group.items():
            pred = s >= t
            gold = golds[grp]
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best[1]:
            best = (round(float(t), 2), f)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    ex = examples()
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in e[0]} for e in ex])
    y = np.array([e[1] for e in ex])
    groups = np.array([e[2] for e in ex])
    oof = np.zeros(len(ex))
    for tr, te in GroupKFold(args.folds).split(X, y, groups):
        m = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
        m.fit(X[tr], y[tr])
        oof[te] = m.predict_proba(X[te])[:, 1]
    thresholds = {}
    for typ in TYPES:
        s_by_g, gold = defaultdict(float), {}
        for (feats, lab, grp, t, sg), s in zip(ex, oof):
            if t == typ:
                s_by_g[grp] = max(s_by_g[grp], s)
                gold[grp] = sg
        if sum(gold.values()) >= 5:
            thresholds[typ], f = best_threshold(s_by_g, gold)
            print(f"{typ}: threshold {thresholds[typ]} cross-validated DEV F1 {f:.3f} ({sum(gold.values())} positives)")
    m = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
    m.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 4) for n, w in zip(names, m.coef_[0]) if abs(w) >= 0.01}  # small weights pruned: a smaller file, the same decisions within rounding
    trained = tuple(sorted(thresholds))
    thresholds["*"] = 0.0  # types with no DEV gold keep every candidate
    flt = Filter(round(float(m.intercept_[0]), 4), weights, thresholds, trained)
    (RESOURCES / "filter.json").write_text(flt.to_json() + "\n", encoding="utf-8")
    print(f"{len(weights)} weights, trained types {trained}")


if __name__ == "__main__":
    main()
