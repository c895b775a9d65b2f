"""The CRF entity tagger: load once per process, tag token lists or raw text.

Nothing is read at import time; :func:`load_tagger` opens the model on first use and caches it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.entities.conll import chunks
from marsad.entities.features import Featurizer
from marsad.entities.gazetteers import RESOURCES, bare_forms
from marsad.errors import MarsadError

#: Output type for each training label; LOC becomes GPE when the name is a listed country or city.
LABEL_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


class ModelMissingError(MarsadError, FileNotFoundError):
    """The entity model directory does not hold a trained model."""

    code = "M401"


@dataclass
class NerTagger:
    """A loaded CRF model with its feature resources."""

    featurizer: Featurizer
    crf: object  # pycrfsuite.Tagger
    model_dir: Path

    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> "NerTagger":
        import pycrfsuite

        d = Path(model_dir) if model_dir else Path(os.environ.get("MARSAD_NER_MODEL", RESOURCES))
        model = d / "ner.crfsuite"
        if not model.exists():
            raise ModelMissingError(f"no entity model at {model}; run `marsad train ner --out DIR`")
        crf = pycrfsuite.Tagger()
        crf.open(str(model))
        return cls(Featurizer.load(d), crf, d)

    kind: str = "crf"

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO labels (``B-PERS`` …) for one sentence of tokens."""
        if not tokens:
            return []
        return self.crf.tag(self.featurizer.sentence(tokens))

    def tag_many(self, sents: list[list[str]]) -> list[list[str]]:
        """BIO labels for many sentences (batched where the model allows)."""
        return [self.tag(s) for s in sents]

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
        from marsad.text import sentences, tokenize

        out: list[tuple[int, int, str]] = []
        for s0, s1 in sentences(text):
            toks = tokenize(text[s0:s1])
            if not toks:
                continue
            words = [t.text for t in toks]
            labels = self.tag_many([words])[0]
            for a, b, lab in sorted(chunks(labels)):
                out.append((s0 + toks[a].start, s0 + toks[b - 1].end, self.entity_type(lab, words[a:b])))
        return out


@lru_cache(maxsize=4)
def load_tagger(model_dir: str | None = None) -> NerTagger:
    """The tagger for ``model_dir`` (default: the shipped model, or ``$MARSAD_NER_MODEL``), cached per process."""
    return NerTagger.load(model_dir)


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """Named entities in raw Arabic text as ``(start, end, type)`` character spans.

    Types: PER, ORG, GPE (countries and cities in the shipped GeoNames/CLDR lists), LOC (other places), MISC.

    Example:
        >>> find_entities("قال الرئيس الروسي فلاديمير بوتين")  # doctest: +SKIP
        [(18, 32, 'PER')]
    """
    if not isinstance(text, str):
        raise TypeError("find_entities expects a str")
    return load_tagger().find(text)
