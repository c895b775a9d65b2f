"""Score a dev-slice experiment model with and without document-level propagation (pseudo-documents = runs of
consecutive sentences). Usage: python tools/ner/dev_post.py MODEL.crfsuite RESDIR"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import pycrfsuite  # noqa: E402

from marsad.entities.conll import read_conll, score  # noqa: E402
from marsad.entities.features import Featurizer  # noqa: E402
from marsad.entities.propagate import propagate  # noqa: E402
from marsad.entities.train import TRAIN_FILE, dev_split  # noqa: E402

fz = Featurizer.load(Path(sys.argv[2]))
t = pycrfsuite.Tagger()
t.open(sys.argv[1])
_, dev = dev_split(read_conll(Path("/work/shared/data") / TRAIN_FILE))
toks = [[a for a, _ in s] for s in dev]
gold = [[g for _, g in s] for s in dev]
pred = [t.tag(fz.sentence(s)) for s in toks]
r = score(gold, pred)
print("base", r["overall"], {k: v["f1"] for k, v in r["per_type"].items()})
for win in (5, 10, 20, 40):
    for sur in (False, True):
        new = []
        for i in range(0, len(toks), win):
            new += propagate(toks[i:i + win], pred[i:i + win], surname=sur)
        r = score(gold, new)
        print(win, sur, r["overall"]["f1"], r["overall"]["precision"], r["overall"]["recall"],
              {k: v["f1"] for k, v in r["per_type"].items()})
