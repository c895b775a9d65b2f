"""``marsad ingest``: analyse inputs and store their pages, resumably and idempotently.

Pages are written in small batches, one transaction each (at most ``batch_size`` pages or
``batch_seconds`` of work), so a killed run loses at most the batch in flight and the next run skips every
content hash already stored. Failures are stored with their reason; a later run over the same input that
no longer fails clears them.
"""

from __future__ import annotations

import gc
import inspect
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from marsad.errors import MarsadError, UsageError
from marsad.records import Page
from marsad.store.writer import Store

Analyzer = Callable[..., Iterator["Page | MarsadError"]]


class AnalyzerCrash(MarsadError):
    """The analyser raised something other than a MarsadError on an input: a bug, recorded as a failure."""

    code = "M900"


@dataclass
class IngestReport:
    stored: int = 0
    articles: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[MarsadError] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        done = self.stored + self.skipped + self.failed
        return done / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.stored} pages stored ({self.articles} articles), {self.skipped} already stored, "
                f"{self.failed} failed, in {self.seconds:.1f}s ({self.pages_per_second:.0f} pages/s)")


def default_analyzer() -> Analyzer:
    try:
        from marsad import analyze_path
    except ImportError as exc:  # the pipeline is not installed in this checkout
        raise UsageError(f"the analysis pipeline is not available: {exc}") from exc
    return analyze_path


class _Progress:
    """A rich progress line on a TTY; nothing otherwise."""

    def __init__(self, enabled: bool):
        self._p = None
        if not enabled:
            return
        try:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn)
        except ImportError:
            return
        self._p = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                           MofNCompleteColumn(), TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                           transient=False, console=None)
        self._task = None

    def __enter__(self):
        if self._p:
            self._p.__enter__()
            self._task = self._p.add_task("ingest", total=None, detail="")
        return self

    def update(self, path: str, report: IngestReport, pending: int = 0) -> None:
        if self._p:
            self._p.update(self._task, completed=report.stored + report.skipped + report.failed + pending,
                           description=os.path.basename(path.rstrip("/")) or path,
                           detail=f"stored {report.stored} · skipped {report.skipped} · failed {report.failed}")

    def __exit__(self, *exc):
        if self._p:
            self._p.__exit__(*exc)


@contextmanager
def _fewer_collections(first: int = 20_000):
    """Run the cyclic garbage collector less often while a batch is analysed.

    The taggers' per-word caches fill with long-lived objects; at the default threshold (a collection
    every 700 new objects) the collector rescans them over and over, about a tenth of a run's time on
    unseen pages. Restored afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(first, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def ingest(paths: Iterable[str], db: str, *, retry_failed: bool = False, analyzer: Analyzer | None = None,
           batch_size: int = 64, batch_seconds: float = 1.0, progress: bool | None = None,
           analyzer_opts: dict | None = None) -> IngestReport:
    """Analyse ``paths`` and store their pages in ``db``; with ``retry_failed``, also re-run every stored
    failure. Returns counts; raises :class:`UsageError` when there is nothing to do."""
    paths = list(paths)
    report = IngestReport()
    t0 = time.perf_counter()
    with _fewer_collections(), Store(db) as store:
        targets: list[tuple[str, str]] = [(p, "path") for p in paths]
        if retry_failed:
            seen = set(paths)
            for f in store.failures():
                # Retry a unit on its own when it is a file; otherwise re-run the container it came from.
                if os.path.isfile(f["source"]):
                    t = (f["source"], "source")
                else:
                    t = (f["path"], "path")
                if t[0] not in seen:
                    seen.add(t[0])
                    targets.append(t)
        if not targets:
            raise UsageError("nothing to ingest: give PATH arguments or --retry-failed")
        analyze = analyzer or default_analyzer()
        opts = dict(analyzer_opts or {})
        run = store.start_run(" ".join(paths) + (" --retry-failed" if retry_failed else ""))
        show = sys.stderr.isatty() if progress is None else progress
        with _Progress(show) as bar:
            for target, kind in targets:
                complete = _ingest_one(store, analyze, opts, target, run, report, bar, batch_size, batch_seconds)
                if not complete:  # stopped part-way: failures further on were not re-checked, keep them
                    continue
                if kind == "path":
                    store.clear_failures(path=target, before_run=run)
                else:
                    store.clear_failures(source=target, before_run=run)
        report.seconds = time.perf_counter() - t0
        store.finish_run(run, stored=report.stored, skipped=report.skipped, failed=report.failed)
    return report


def _accepts_skip(fn) -> bool:
    try:
        return "skip" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _ingest_one(store: Store, analyze: Analyzer, opts: dict, path: str, run: int, report: IngestReport,
                bar: _Progress, batch_size: int, batch_seconds: float) -> bool:
    """Ingest one input; returns whether its analysis ran to the end."""
    pages: list[Page] = []
    fails: list[tuple[MarsadError, str]] = []
    started = time.monotonic()
    known = store.known_hashes()
    if _accepts_skip(analyze) and "skip" not in opts:
        # The analyser can drop units whose content hash is stored before analysing them: resuming a
        # killed run then costs reading, not re-analysing.
        def skip(sha256: str) -> bool:
            if sha256 in known:
                report.skipped += 1
                return True
            return False

        opts = {**opts, "skip": skip}

    def flush() -> None:
        nonlocal pages, fails, started
        if pages or fails:
            added, rejected = store.add_pages(pages, run=run, failures=fails)
            n_articles = {p.source.sha256: len(p.articles) for p in pages}
            report.stored += len(added)
            report.articles += sum(n_articles[s] for s in added)
            report.skipped += len(pages) - len(added) - len(rejected)
            report.failed += len(fails) + len(rejected)
            report.errors.extend(e for e, _ in fails)
            report.errors.extend(rejected)
        pages, fails, started = [], [], time.monotonic()
        bar.update(path, report)

    try:
        for item in analyze(path, **opts):
            if isinstance(item, MarsadError):
                fails.append((item, path))
            elif item.source.sha256 in known:
                report.skipped += 1
            else:
                pages.append(item)
            if len(pages) + len(fails) >= batch_size or time.monotonic() - started >= batch_seconds:
                flush()
            else:
                bar.update(path, report, len(pages) + len(fails))
    except MarsadError as exc:  # the input as a whole is unusable (missing, unreadable container)
        if exc.source is None:
            exc.source = path
        fails.append((exc, path))
        flush()
        return False
    except (KeyboardInterrupt, SystemExit):
        flush()
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in a stage must not lose the pages already analysed
        fails.append((AnalyzerCrash(f"{type(exc).__name__}: {exc}", source=path), path))
        flush()
        return False
    flush()
    return True
