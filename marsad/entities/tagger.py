"""The entity tagger: a feature CRF, joined by a BiLSTM-CNN-CRF when the model directory holds one.

Nothing is read at import time; :func:`load_tagger` opens the model on first use and caches it.

With ``neural.npz`` (exported by ``tools/ner/train_bilstm.py``) and ``ensemble.json`` in the model directory,
each token's label probabilities are the mix ``(1 - w) * p_crf + w * p_neural`` of the two models' CRF
marginals (or, with ``"mix": "log"``, ``(1 - w) * log p_crf + w * log p_neural``), decoded with a
BIO-constrained Viterbi (the O label penalised by ``o_bias`` in log space); the weight, mix and penalty were
tuned on the dev slice. ``ensemble.json`` may list more networks (``"networks"``), whose marginals are averaged. Without ``neural.npz`` the CRF runs alone.

The accurate mode (``accurate=True``, or ``MARSAD_NER_ACCURATE=1``) mixes the CRF the same way with the fine-tuned
multilingual-e5-small encoder of ``accurate.json`` / ``e5ner.npz`` (:mod:`marsad.entities.transformer`): about
0.04–0.05 F1 higher on ANERcorp, and 50–500 times slower, so the fast CRF stays the default.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.entities import rules
from marsad.entities.conll import chunk_list
from marsad.entities.features import FLAGS, Featurizer
from marsad.entities.gazetteers import RESOURCES, bare_forms
from marsad.entities.propagate import propagate
from marsad.errors import MarsadError

#: Output type for each training label; LOC becomes GPE when the name is a listed country or city.
LABEL_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


class ModelMissingError(MarsadError, FileNotFoundError):
    """The entity model directory does not hold a trained model."""

    code = "M401"


#: Sentences per batch of the ensemble (sorted by length; the network runs one batch at a time).
BATCH = 32
#: Defaults of ``ensemble.json``: weight of the network's marginals and the O-label penalty.
ENSEMBLE_DEFAULTS = {"nn_weight": 0.5, "o_bias": 0.0, "mix": "linear", "networks": ["neural.npz"]}


@dataclass
class NerTagger:
    """A loaded CRF model with its feature resources, and optionally the neural tagger it is mixed with."""

    featurizer: Featurizer
    crf: object  # marsad.entities.fastcrf.FastCrf: labels and marginals, same as pycrfsuite's Tagger
    model_dir: Path

    @classmethod
    def load(cls, model_dir: str | Path | None = None, neural: bool = True,
             accurate: bool | None = None) -> "NerTagger":
        """Open the models in ``model_dir`` (default: ``$MARSAD_NER_MODEL`` or the shipped resources).

        Args:
            neural: use ``neural.npz`` when the directory has one (``False``: the CRF alone).
            accurate: mix in the encoder of ``accurate.json`` (default: ``$MARSAD_NER_ACCURATE`` is ``1``).
        """
        if accurate is None:
            accurate = accurate_default()
        d = Path(model_dir) if model_dir else Path(os.environ.get("MARSAD_NER_MODEL", RESOURCES))
        model = d / "ner.crfsuite"
        if not model.exists():
            raise ModelMissingError(f"no entity model at {model}; run `marsad train ner --out DIR`")
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8")) if (d / "meta.json").exists() else {}
        featurizer, crf = _load_crf(d)
        tagger = cls(featurizer, crf, d,
                     o_bias=float(meta.get("decode", {}).get("o_bias", 0.0)))
        if accurate:
            from marsad.entities.transformer import TransformerModelError, TransformerTagger

            if not (d / "accurate.json").exists():
                raise TransformerModelError(f"no accurate entity model in {d} (accurate.json is missing)")
            ens = _mix_settings(d / "accurate.json")
            tagger._mix_with((TransformerTagger.load(d / ens["transformer"]),), ens, "crf+e5")
        elif neural and (d / "neural.npz").exists():
            from marsad.entities.neural import NeuralTagger

            ens = _mix_settings(d / "ensemble.json")
            nets = [NeuralTagger.load(d / "neural.npz", FLAGS)]
            for name in ens.get("networks", [])[1:]:
                nets.append(NeuralTagger.load(d / name, FLAGS, base=nets[0]))
            tagger._mix_with(tuple(nets), ens, "crf+bilstm" if len(nets) == 1 else f"crf+{len(nets)}xbilstm")
        return tagger

    def _mix_with(self, nets: tuple, ens: dict, kind: str) -> None:
        """Mix the CRF with ``nets`` (the first is ``neural``) under the settings ``ens``."""
        self.neural, self.networks, self.kind = nets[0], nets, kind
        self.nn_weight, self.ens_o_bias, self.mix = float(ens["nn_weight"]), float(ens["o_bias"]), str(ens["mix"])

    kind: str = "crf"
    o_bias: float = 0.0
    #: The BiLSTM-CNN-CRF (:class:`marsad.entities.neural.NeuralTagger`), or ``None`` for the CRF alone.
    neural: object = None
    #: All networks of the ensemble (``neural`` first); their marginals are averaged.
    networks: tuple = ()
    nn_weight: float = 0.0
    ens_o_bias: float = 0.0
    #: ``linear``: mix probabilities; ``log``: mix log-probabilities (a weighted product of experts).
    mix: str = "linear"

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO labels (``B-PERS`` …) for one sentence of tokens."""
        if not tokens:
            return []
        if self.neural is not None:
            return self._ensemble([tokens])[0]
        if not self.o_bias:
            return self.crf.viterbi(tokens)
        return self._recall_decode(tokens)

    def _recall_decode(self, tokens: list[str]) -> list[str]:
        """Viterbi over per-token marginals with the O label penalised by ``o_bias`` (log space).

        Trades precision for recall (the CRF alone under-predicts names); only valid BIO sequences are made.
        """
        import numpy as np

        from marsad.entities.neural import bio_viterbi

        labels = self._labels
        lp = np.log(self.crf.marginals(tokens, labels) + 1e-12)
        lp[:, labels.index("O")] -= self.o_bias
        return bio_viterbi([lp], labels)[0]

    @property
    def _labels(self) -> list[str]:
        return self.crf.labels

    def tag_many(self, sents: list[list[str]], document: bool = False) -> list[list[str]]:
        """BIO labels for many sentences.

        With ``document=True`` the sentences are one document: names found in one sentence are also marked
        where they recur untagged (see :mod:`marsad.entities.propagate`).
        """
        if self.neural is not None:
            labels = self._ensemble(sents)
        elif not self.o_bias:
            labels = self.crf.viterbi_many(sents)
        else:
            labels = [self.tag(s) for s in sents]
        return propagate(sents, labels) if document else labels

    def _ensemble(self, sents: list[list[str]]) -> list[list[str]]:
        """Mix CRF and network marginals per token and decode valid BIO (batches of similar length)."""
        import numpy as np

        from marsad.entities.neural import bio_viterbi

        net = self.neural
        labels = net.labels
        o = labels.index("O")
        w = self.nn_weight
        fz = self.featurizer
        out: list[list[str]] = [[] for _ in sents]
        order = sorted((i for i, s in enumerate(sents) if s), key=lambda i: len(sents[i]))
        for k in range(0, len(order), BATCH):
            idx = order[k:k + BATCH]
            batch = [sents[i] for i in idx]
            flags = [fz.flags(s) for s in batch] if net.reads_flags else None
            pn = None
            for n in self.networks:
                m = n.marginals(n.emissions(batch, flags))
                pn = m if pn is None else [a + b for a, b in zip(pn, m)]
            if len(self.networks) > 1:
                pn = [a / len(self.networks) for a in pn]
            logp = []
            for s, p in zip(batch, pn):
                if w >= 1.0:
                    lp = np.log(p + 1e-12)
                else:
                    pc = self.crf.marginals(s, labels)
                    if self.mix == "log":
                        lp = (1.0 - w) * np.log(pc + 1e-12) + w * np.log(p + 1e-12)
                    else:
                        lp = np.log((1.0 - w) * pc + w * p + 1e-12)
                lp[:, o] -= self.ens_o_bias
                logp.append(lp)
            for i, lab in zip(idx, bio_viterbi(logp, labels)):
                out[i] = lab
        return out

    def entity_type(self, label: str, tokens: list[str]) -> str:
        """Public type of a chunk: PER/ORG/MISC, and GPE or LOC for places."""
        typ = LABEL_TYPES.get(label, "MISC")
        if typ == "LOC":
            rest = [bare_forms(t)[0] for t in tokens[1:]]
            for first in bare_forms(tokens[0]):
                if " ".join([first, *rest]) in self.featurizer.gaz.country_names:
                    return "GPE"
        return typ

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, type)`` in raw ``text``; ``text[start:end]`` is the mention."""
        from marsad.text import sentences, tokenize_body
        from marsad.text.tokens import token_start

        out: list[tuple[int, int, str]] = []
        sents = []
        body = tokenize_body(text)  # shared with the rules and later stages; sliced per sentence
        starts = list(map(token_start, body))
        for s0, s1 in sentences(text):
            i, j = bisect_left(starts, s0), bisect_left(starts, s1)
            if i < j:
                toks = body[i:j]
                sents.append((toks, [t[2] for t in toks]))
        all_labels = self.tag_many([w for _, w in sents], document=True)
        for (toks, words), labels in zip(sents, all_labels):
            for a, b, lab in chunk_list(labels):
                out.append((toks[a][0], toks[b - 1][1], self.entity_type(lab, words[a:b])))
        return rules.apply(text, out, lexstats=self.featurizer.lexstats)  # the table the model loaded


def _load_crf(d: Path) -> tuple[Featurizer, object]:
    """The featurizer and CRF scorer of model directory ``d``, from the per-user cache when it has them."""
    from marsad import cache
    from marsad.entities import analysis, fastcrf, features, gazetteers

    def build():
        featurizer = Featurizer.load(d)
        return featurizer, fastcrf.FastCrf(d / "ner.crfsuite", featurizer)

    where = hashlib.sha256(str(d.resolve()).encode()).hexdigest()[:8]  # one cache file per model directory
    return cache.cached(f"ner-{where}", cache.folder_sources(d), build, code=(analysis, fastcrf, features, gazetteers))


def _mix_settings(path: Path) -> dict:
    """:data:`ENSEMBLE_DEFAULTS` updated from the JSON file at ``path`` when there is one."""
    ens = dict(ENSEMBLE_DEFAULTS)
    if path.exists():
        ens.update(json.loads(path.read_text(encoding="utf-8")))
    return ens


def accurate_default() -> bool:
    """True when ``$MARSAD_NER_ACCURATE`` asks for the accurate tagger (``1``, ``true``, ``yes``)."""
    return os.environ.get("MARSAD_NER_ACCURATE", "").strip().lower() in ("1", "true", "yes")


@lru_cache(maxsize=4)
def _load_tagger(model_dir: str | None, accurate: bool) -> NerTagger:
    return NerTagger.load(model_dir, accurate=accurate)


def load_tagger(model_dir: str | None = None, accurate: bool | None = None) -> NerTagger:
    """The tagger for ``model_dir`` (default: the shipped model, or ``$MARSAD_NER_MODEL``), cached per process.

    ``accurate``: the CRF mixed with the fine-tuned encoder (default: :func:`accurate_default`).
    """
    return _load_tagger(model_dir, accurate_default() if accurate is None else bool(accurate))



def find_entities(text: str, accurate: bool | None = None) -> list[tuple[int, int, str]]:
    """Named entities in raw Arabic text as ``(start, end, type)`` character spans.

    Types: PER, ORG, GPE (countries and cities in the shipped GeoNames/CLDR lists), LOC (other places), MISC.
    ``accurate=True`` mixes in the fine-tuned encoder (needs ``marsad[accurate]``; see :class:`NerTagger`).

    Example:
        >>> find_entities("قال الرئيس الروسي فلاديمير بوتين")  # doctest: +SKIP
        [(18, 32, 'PER')]
    """
    if not isinstance(text, str):
        raise TypeError("find_entities expects a str")
    return load_tagger(accurate=accurate).find(text)
