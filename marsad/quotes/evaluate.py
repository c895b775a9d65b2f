"""Score the quote finder against the hand-annotated gold set in ``eval/quotes/``.

The gold files hold article ids, offsets and labels only; the text is rebuilt here from the shared data
(``MARSAD_SHARED_DATA`` or ``../shared/data`` beside the repository) with the body rule of
``eval/quotes/README.md``: the article's ``content`` (SaudiNewsNet) or ``text`` (ANT) split on ``\\n``, each
paragraph stripped, empty ones dropped, joined with ``\\n``.

Metrics: a system quote matches a gold quote when it covers at least half of the gold span (one-to-one,
best overlap first). Precision = matched system quotes / system quotes; recall = matched gold quotes / gold
quotes. Speaker accuracy is over matched pairs: right when both speakers are null, or when the system's
speaker phrase (or any mention of its speaker entity) overlaps the gold speaker span, or when the system's
speaker phrase is the same name as the gold span (equal after ``normalize_for_match``): the issue defines the
speaker as an entity, and one name within one article is one entity.

    python -m marsad.quotes.evaluate            # dev, test, test2, test3, test4 and the four test halves pooled
    python -m marsad.quotes.evaluate --split dev --errors

Splits and their files: ``dev`` = ``gold_dev.jsonl`` + ``gold_dev2.jsonl`` + ``gold_dev3.jsonl`` +
``gold_dev4.jsonl`` (``dev2``, ``dev3`` and ``dev4`` alone: the 12 dev articles of the round-8, 9 and 10 blind
draws), ``test`` = ``gold_test.jsonl``, ``test2``, ``test3`` and ``test4`` = ``gold_test2.jsonl``,
``gold_test3.jsonl`` and ``gold_test4.jsonl`` (the second, third and fourth blind test halves); ``tests`` pools
test, test2, test3 and test4.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import MarsadError
from marsad.quotes.finder import Found, candidates
from marsad.records import Article, Entity
from marsad.shared_data import shared_data_dir
from marsad.text import normalize_for_match

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "eval" / "quotes"
BODY_RULE = "paragraphs-stripped-joined-newline"
SPLIT_FILES = {
    "dev": ("gold_dev.jsonl", "gold_dev2.jsonl", "gold_dev3.jsonl", "gold_dev4.jsonl"),
    "dev2": ("gold_dev2.jsonl",),
    "dev3": ("gold_dev3.jsonl",),
    "dev4": ("gold_dev4.jsonl",),
    "test": ("gold_test.jsonl",),
    "test2": ("gold_test2.jsonl",),
    "test3": ("gold_test3.jsonl",),
    "test4": ("gold_test4.jsonl",),
    "tests": ("gold_test.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl"),
}


class GoldDataError(MarsadError):
    code = "M502"


def shared_data() -> Path:
    return shared_data_dir()


def build_body(text: str | None) -> str:
    """The body-building rule for a JSONL row (see ``eval/quotes/README.md``)."""
    return "\n".join(p.strip() for p in (text or "").split("\n") if p.strip())


class _Sources:
    def __init__(self, root: Path):
        self.root = root
        self._days: dict[str, list] = {}
        self._ant: dict[str, dict] | None = None

    def text(self, row: dict) -> str:
        if row["source"] == "saudinewsnet":
            day = row["day"]
            if day not in self._days:
                path = self.root / "SaudiNewsNet" / "dataset" / day
                with zipfile.ZipFile(path) as zf:
                    self._days[day] = json.loads(zf.read(zf.namelist()[0]))
            return self._days[day][row["index"]]["content"]
        if row["source"] == "ant":
            if self._ant is None:
                self._ant = {}
                with open(self.root / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as f:
                    for line in f:
                        r = json.loads(line)
                        self._ant[r["docno"]] = r
            return self._ant[row["docno"]]["text"]
        raise GoldDataError(f"unknown source {row['source']!r} in gold row {row.get('id')}")


@dataclass
class GoldArticle:
    id: str
    body: str
    quotes: list[dict]


def read_gold_rows(path: Path, root: Path | None = None, *, need_digest: bool = False):
    """Yield ``(row, body)`` for each line of a gold file, the body rebuilt from the shared data and checked
    against the annotated body's sha256 (required when ``need_digest``)."""
    src = _Sources(root or shared_data())
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("body_rule", BODY_RULE) != BODY_RULE:
                raise GoldDataError(f"{row['id']}: unknown body rule {row['body_rule']!r}")
            body = build_body(src.text(row))
            digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
            if (need_digest or row.get("body_sha256")) and digest != row.get("body_sha256"):
                raise GoldDataError(f"{row['id']}: rebuilt body differs from the annotated one (sha256 {digest})")
            yield row, body


def load_gold(split: str, root: Path | None = None) -> list[GoldArticle]:
    """The gold articles of a split (``SPLIT_FILES``: dev, dev2, dev3, dev4, test, test2, test3, test4, or
    tests = the four test halves)."""
    if split not in SPLIT_FILES:
        raise GoldDataError(f"unknown gold split {split!r} (one of {', '.join(SPLIT_FILES)})")
    return [GoldArticle(row["id"], body, row["quotes"])
            for name in SPLIT_FILES[split] for row, body in read_gold_rows(GOLD_DIR / name, root)]


def entities_for(body: str, use_ner: bool) -> tuple[Entity, ...]:
    """The pipeline's own entities: the NER model's spans resolved by the actors stage (coreference and
    linking), or none when the model is not available."""
    if not use_ner:
        return ()
    try:
        from marsad.actors import resolve
        from marsad.entities import find_entities

        return resolve(body, find_entities(body))
    except (ImportError, MarsadError, OSError):
        return ()


def ner_available() -> bool:
    try:
        from marsad.entities import find_entities
        find_entities("قال محمد.")
        return True
    except (ImportError, MarsadError, OSError):
        return False


def _ov(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _speaker_ok(f: Found, gold_sp, entities: tuple[Entity, ...], body: str = "") -> bool:
    if gold_sp is None:
        return f.speaker is None
    if f.speaker is None:
        return False
    g0, g1 = gold_sp
    if _ov(f.speaker.start, f.speaker.end, g0, g1):
        return True
    if body and normalize_for_match(f.speaker.text).strip() == normalize_for_match(body[g0:g1]).strip():
        return True  # another mention of the same name («فان جال» … «فان جال»): the same speaker
    if f.speaker.entity:
        ent = next((e for e in entities if e.id == f.speaker.entity), None)
        if ent and any(_ov(m.start, m.end, g0, g1) for m in ent.mentions):
            return True
    return False


def score(articles: list[GoldArticle], use_ner: bool = True, errors: list | None = None) -> dict:
    n_sys = n_gold = matched = sp_ok = 0
    for art in articles:
        ents = entities_for(art.body, use_ner)
        found = candidates(Article(id=art.id, role="main", title=None, body=art.body, entities=ents))
        n_sys += len(found)
        n_gold += len(art.quotes)
        used: set[int] = set()
        for g in art.quotes:
            glen = g["end"] - g["start"]
            best, best_ov = None, 0
            for k, f in enumerate(found):
                if k in used:
                    continue
                ov = _ov(f.start, f.end, g["start"], g["end"])
                if ov > best_ov:
                    best, best_ov = k, ov
            if best is not None and best_ov >= 0.5 * glen:
                used.add(best)
                matched += 1
                ok = _speaker_ok(found[best], g["speaker"], ents, art.body)
                sp_ok += ok
                if not ok and errors is not None:
                    f = found[best]
                    gs = art.body[g["speaker"][0]:g["speaker"][1]] if g["speaker"] else None
                    errors.append(("speaker", art.id, art.body[g["start"]:g["start"] + 40],
                                   f"gold={gs!r} sys={f.speaker.text if f.speaker else None!r}"))
            elif errors is not None:
                errors.append(("missed", art.id, art.body[g["start"]:g["end"]][:120],
                               f"best overlap {best_ov}/{glen}"))
        if errors is not None:
            for k, f in enumerate(found):
                if k not in used:
                    errors.append(("spurious", art.id, art.body[f.start:f.end][:120], f"{f.kind} cue="
                                   f"{art.body[f.cue.start:f.cue.end] if f.cue else None}"))
    p = matched / n_sys if n_sys else 1.0
    r = matched / n_gold if n_gold else 1.0
    return {"articles": len(articles), "gold": n_gold, "system": n_sys, "matched": matched,
            "precision": round(p, 4), "recall": round(r, 4),
            "speaker_accuracy": round(sp_ok / matched, 4) if matched else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.quotes.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*SPLIT_FILES, "all"], default="all",
                    help="all: dev, test, test2, test3, test4 and tests (the four test halves pooled)")
    ap.add_argument("--errors", action="store_true", help="list misses, spurious quotes and wrong speakers")
    ap.add_argument("--no-ner", action="store_true", help="do not use marsad.entities even when available")
    args = ap.parse_args(argv)
    if not shared_data().is_dir():
        print(f"shared data not found at {shared_data()} (set MARSAD_SHARED_DATA)", file=sys.stderr)
        return 1
    use_ner = not args.no_ner and ner_available()
    print(f"entities: {'NER + actors' if use_ner else 'none'}", file=sys.stderr)
    for split in (["dev", "test", "test2", "test3", "test4", "tests"] if args.split == "all" else [args.split]):
        errs: list | None = [] if args.errors else None
        res = score(load_gold(split), use_ner, errs)
        print(json.dumps({"split": split, **res}, ensure_ascii=False))
        for e in errs or ():
            print("  ", *e, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
