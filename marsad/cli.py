"""The ``marsad`` command.

Exit codes: 0 all inputs processed; 1 some inputs failed (each failure is one JSON line on stderr, the
others are still processed and printed); 2 usage error; 3 an installation problem (missing resource).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator

from marsad.errors import FormatError, MarsadError, ResourceError, UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INSTALL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        self.exit(EXIT_USAGE, f"marsad: error: {message} (see 'marsad --help')\n")


def _report(error: MarsadError) -> None:
    sys.stderr.write(json.dumps(error.to_dict(), ensure_ascii=False) + "\n")


def cmd_analyze(args) -> int:
    from marsad.pipeline import analyze_path

    def results() -> Iterator:
        for path in args.paths:
            yield from analyze_path(path, published=args.published, plain=args.plain, lang_any=args.lang_any,
                                    text_field=args.text_field, html_field=args.html_field,
                                    max_bytes=args.max_bytes)

    failed = 0
    out = sys.stdout
    pages = []
    fmt = args.format
    # One input yielding one page prints one pretty JSON page; anything more streams JSONL
    # (or, with --format json, one JSON array).
    for item in results():
        if isinstance(item, MarsadError):
            failed += 1
            _report(item)
        elif fmt == "jsonl":
            out.write(item.to_json() + "\n")
        else:
            pages.append(item)
            if fmt is None and (len(pages) > 1 or len(args.paths) > 1):
                fmt = "jsonl"
                for page in pages:
                    out.write(page.to_json() + "\n")
                pages = []
    if len(pages) == 1 and fmt in (None, "json"):
        out.write(pages[0].to_json(indent=2) + "\n")
    elif pages:
        out.write(json.dumps([p.to_dict() for p in pages], ensure_ascii=False, indent=2) + "\n")
    out.flush()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _data_dir(args):
    from pathlib import Path

    from marsad.shared_data import shared_data_dir

    path = Path(args.data) if args.data else shared_data_dir()
    if not path.is_dir():
        raise UsageError(f"shared data sets not found at {path} (use --data DIR or set MARSAD_SHARED_DATA)")
    return path


_NEURAL_NOTE = """\
This is the CRF entity tagger as shipped; it runs alone from {out}.
An optional neural half (neural.npz, a BiLSTM-CNN-CRF run with numpy; not shipped, see the model card) is
trained with torch, a training extra never needed at run time. To build it (torch CPU wheel in a separate venv):
  python -m venv TVENV && TVENV/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
  TVENV/bin/pip install gensim numpy python-crfsuite -e .
  PYTHONHASHSEED=0 TVENV/bin/python tools/ner/build_embeddings.py DATA EMB      # word2vec on unlabeled news
  OMP_NUM_THREADS=1 TVENV/bin/python tools/ner/train_bilstm.py --w2v EMB/w2v.model --out NN --hidden 200
  python tools/ner/tune_ensemble.py --crf DEV.crfsuite --res RES --neural NN/neural.npz   # weights on dev
  cp NN/neural.npz {out}/ and write {out}/ensemble.json ({{"nn_weight": 0.6, "o_bias": 0.5}})
See marsad/resources/ner/MODEL_CARD.md ("Neural half").
The accurate mode (e5ner.npz + accurate.json: multilingual-e5-small fine-tuned on ANERcorp train, mixed with this
CRF; about 30 minutes on 2 cores, resumable) is trained with torch as well:
  pip install -e '.[train-e5]' && marsad train ner --out {out} --accurate
  marsad eval ner --model {out} --accurate
See the model card ("Accurate mode")."""


def cmd_train(args) -> int:
    if args.what == "ner":
        from pathlib import Path

        from marsad.entities.train import train

        kw = {}
        if args.resources:
            if not Path(args.resources).is_dir():
                raise UsageError(f"no resources folder at {args.resources}")
            kw["resources"] = args.resources
        # a second run after --minutes ran out resumes the encoder instead of retraining the CRF
        resuming = args.accurate and all((Path(args.out) / f).exists() for f in ("e5ner.ckpt", "ner.crfsuite"))
        out = Path(args.out) if resuming else train(args.out, data_dir=_data_dir(args), seed=args.seed, **kw)
        print(f"model written to {out}" if not resuming else f"resuming the encoder in {out}")
        if not args.accurate:
            print(_NEURAL_NOTE.format(out=out))
            return EXIT_OK
        try:
            from marsad.entities.finetune import train_encoder
        except ImportError as exc:
            raise UsageError(f"the accurate model is fine-tuned with torch ({exc}): "
                             "pip install -e '.[train-e5]'") from exc
        if not train_encoder(out, _data_dir(args), seed=args.seed, minutes=args.minutes):
            print("time budget reached: run the same command again to resume")
        return EXIT_OK
    raise UsageError(f"nothing to train called {args.what!r}")


def cmd_eval(args) -> int:
    if args.what == "ner":
        from marsad.entities.evaluate import evaluate, format_table

        result = evaluate(model_dir=args.model, data_dir=_data_dir(args), accurate=args.accurate or None)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_table(result))
        return EXIT_OK
    raise UsageError(f"nothing to evaluate called {args.what!r}")


def cmd_export(args) -> int:
    from marsad.events.export import events_tsv
    from marsad.records import page_from_dict

    failed = 0

    def pages():
        nonlocal failed
        for path in args.inputs:
            try:
                stream = contextlib.nullcontext(sys.stdin) if path == "-" else open(path, encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
            with stream as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        yield page_from_dict(json.loads(line))
                    except (ValueError, KeyError, TypeError) as exc:
                        failed += 1
                        _report(FormatError(f"not a marsad page record: {exc}", source=f"{path}#{n}"))

    events_tsv(pages(), sys.stdout)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from marsad import __version__

    parser = _Parser(prog="marsad", description="Arabic news in, structured intelligence out.")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("analyze", help="analyse pages and print them as JSON records")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, archives, or - for stdin")
    p.add_argument("--format", choices=["json", "jsonl"], help="json (pretty) or jsonl (one page a line)")
    p.add_argument("--published", metavar="DATE", help="publication date to assume when a page gives none")
    p.add_argument("--plain", action="store_true", help="input has no page structure: the text is one body")
    p.add_argument("--text-field", default="text", metavar="F", help="JSONL/CSV column with the text")
    p.add_argument("--html-field", metavar="F", help="JSONL/CSV column with HTML")
    p.add_argument("--lang-any", action="store_true", help="process pages that are not Arabic")
    p.add_argument("--max-bytes", type=int, default=20_000_000, metavar="N", help="largest file to read")
    p.set_defaults(handler=cmd_analyze)

    p = sub.add_parser("export", help="export records from 'marsad analyze' JSONL")
    p.add_argument("inputs", nargs="+", metavar="JSONL", help="JSONL files of pages, or - for stdin")
    p.add_argument("--format", choices=["events-tsv"], default="events-tsv")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("train", help="train a model from ../shared/data")
    p.add_argument("what", choices=["ner"])
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--data", metavar="DIR", help="the shared data folder (default: found automatically)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--resources", metavar="DIR",
                   help="folder to take the lexical tables from (default: the shipped model's; "
                        "give the --out folder to train on tables already placed there)")
    p.add_argument("--accurate", action="store_true",
                   help="also fine-tune the accurate mode's encoder into --out (torch: marsad[train-e5]; ~30 min)")
    p.add_argument("--minutes", type=float, help="with --accurate: stop after this many minutes (resumable)")
    p.set_defaults(handler=cmd_train)

    p = sub.add_parser("eval", help="evaluate a model on the shared data sets")
    p.add_argument("what", choices=["ner"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--model", metavar="PATH", help="model folder (default: the shipped one)")
    p.add_argument("--data", metavar="DIR")
    p.add_argument("--accurate", action="store_true",
                   help="score the CRF mixed with the fine-tuned e5 encoder (needs marsad[accurate])")
    p.set_defaults(handler=cmd_eval)

    try:
        from marsad.store.commands import register
    except ImportError:  # the store is optional while it is being built
        register = None
    if register is not None:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except UsageError as exc:
        sys.stderr.write(f"marsad: error: {exc}\n")
        return EXIT_USAGE
    except ResourceError as exc:
        sys.stderr.write(f"marsad: installation problem: {exc}\n")
        return EXIT_INSTALL
    except MarsadError as exc:
        _report(exc)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("marsad: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
